import { defineError as e } from '../../platform/http/api-error.js';

export const DisconnectErrors = {
  disconnectTnNotDisconnectable: e(400, 5006, 'TelephoneNumber Disconnect Error'),
  disconnectModeInvalid: e(
    400,
    5084,
    "DisconnectMode '%s' is invalid. Valid values are: normal, soft-remove, purge",
  ),
  disconnectProtectedInvalid: e(
    400,
    5108,
    "Protected attribute '%s' is invalid. Valid values: TRUE, FALSE, UNCHANGED",
  ),
  disconnectProtectedPurge: e(
    400,
    5109,
    'The Protected Telephone Numbers setting is incompatible with an obsolete or purge disconnect',
  ),
} as const;
