import { defineError as e } from '../../platform/http/api-error.js';

/** LIDB orders: Bandwidth's 11xxx codes. */
export const LidbErrors = {
  informationTooLong: e(400, 11005, 'Subscriber Information cannot be longer than 15 characters'),
  useTypeRequired: e(400, 11006, 'UseType is required. Valid values are: BUSINESS, RESIDENTIAL'),
  visibilityRequired: e(400, 11007, 'Visibility is required. Valid values are: PUBLIC, PRIVATE'),
  notOnAccount: e(400, 11014, 'Number does not belong to this account'),
  tollFree: e(
    400,
    11015,
    'The CNAM/LIDB API does not support adding toll free numbers. Please send an email to support with the telephone number, subscriber information and use type.',
  ),
  leadingSpace: e(400, 11024, 'Subscriber information cannot start with a space'),
  notOnSystem: e(400, 11025, 'Telephone Number does not belong to Iris'),
} as const;
