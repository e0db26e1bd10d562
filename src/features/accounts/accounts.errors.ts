import { defineError as e } from '../../platform/http/api-error.js';

export const AccountErrors = {
  accountNotFound: e(404, 12020, "Account '%s' does not exist"),
} as const;
