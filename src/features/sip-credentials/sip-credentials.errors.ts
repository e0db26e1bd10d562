import { defineError as e } from '../../platform/http/api-error.js';

export const CredentialErrors = {
  credentialDuplicateInList: e(400, 23000, 'Duplicated Sip credential for account with ID = %s'),
  credentialTooLong: e(400, 23002, "%s '%s' is too long (%s characters max)"),
  credentialListTooLong: e(400, 23003, 'There are cannot be more than %s credential entries in list'),
  credentialRenameNotAllowed: e(
    400,
    23004,
    'Unable to change the UserName or the Domain associated with the Hash Values. To do so requires deletion of one set of credentials and addition of a new set of credentials.',
  ),
  credentialListEmpty: e(400, 23006, 'Credential list cannot be empty'),
  credentialNotFound: e(404, 23007, 'Sip credential %s was not found on the account with ID = %s'),
  credentialsNone: e(404, 23008, 'There are no Sip credentials associated with the account with ID = %s'),
  credentialExists: e(400, 23009, 'Sip credential %s does already exist on the account with ID = %s'),
  credentialPageInvalid: e(
    400,
    23012,
    'Wrong page format: %s. It should be a number or a combination of the user name and domain in a form {userName}@{domain}',
  ),
  credentialUserNameInvalid: e(
    400,
    23014,
    "UserName '%s' is invalid. It can only contain alphanumerics (a-z, A-Z, 0-9) and '.', '_', '-', '!', '$', '&', '*', '+', '=', '~' symbols. If domain is empty it may also contain one '@'.",
  ),
  credentialDomainInvalid: e(
    400,
    23015,
    "Domain '%s' is invalid. It can only contain alphanumerics (a-z, A-Z, 0-9) and '.', '_', '-', '!', '$', '&', '*', '+', '=', '~' symbols.",
  ),
  userNameFragmentEmpty: e(400, 12705, 'Usernamefragment can not be empty.'),
  userNameFragmentShort: e(400, 12706, 'Usernamefragment should contain at least 3 characters.'),
  domainFragmentEmpty: e(400, 12707, 'Domainfragment can not be empty.'),
  domainFragmentShort: e(400, 12708, 'Domainfragment should contain at least 3 characters.'),
  userNameFragmentLong: e(400, 13113, 'Usernamefragment cannot contain more than 64 characters.'),
  domainFragmentLong: e(400, 13114, 'Domainfragment cannot contain more than 64 characters.'),
  pagingInvalid: e(400, 13058, 'page and size must be greater than or equal to 1'),
} as const;
