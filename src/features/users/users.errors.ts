import { defineError as e } from '../../platform/http/api-error.js';

export const UserErrors = {
  userNotFound: e(404, 12000, "User '%s' does not exist"),
  passwordRequired: e(400, 12503, 'Password is required'),
  passwordTooShort: e(400, 12504, 'Password must be at least %s characters long'),
  passwordTooLong: e(400, 12619, 'Password is too long. Max length %s characters'),
  passwordCharacters: e(
    400,
    12725,
    'The password can only contain letters, numbers and simple special characters',
  ),
  passwordNotOwn: e(403, 12618, "Provided username '%s' doesn't match login username '%s'"),
} as const;
