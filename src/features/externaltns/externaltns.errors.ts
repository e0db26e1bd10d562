import { defineError as e } from '../../platform/http/api-error.js';

/** External numbers: Bandwidth's 250xx codes. */
export const ExternalTnErrors = {
  actionInvalid: e(400, 25000, 'Action is absent or invalid. Possible values: import, remove'),
  notOnAccount: e(400, 25030, 'Telephone numbers do not all belong to this account.'),
  ours: e(400, 25060, 'Bandwidth-owned telephone numbers cannot be imported as External TNs.'),
} as const;
