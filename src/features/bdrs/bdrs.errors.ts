import { defineError as e } from '../../platform/http/api-error.js';

/** BDR archives: Bandwidth's codes (the dates' are billing's). */
export const BdrErrors = {
  notFound: e(404, 15001, 'BDR archive was not found'),
} as const;
