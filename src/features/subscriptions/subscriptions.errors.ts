import { defineError as e } from '../../platform/http/api-error.js';

/**
 * Bandwidth answers a subscription that fails validation with 404 (contract row 76) and a duplicate
 * target with 409; the codes are its SubscriptionValidationError and NotificationError ones.
 */
export const SubscriptionErrors = {
  subscriptionNotFound: e(404, 16000, 'Subscription %s not found for accountId %s'),
  duplicate: e(409, 16008, 'Duplicate subscription already exists'),
  orderTypeInvalid: e(
    404,
    14500,
    'Incorrect order type. Valid values: portins, portouts, orders, disconnects, dldas, lsrorders, e911s, tnoptions, externalTns, lidb',
  ),
  orderTypeRequired: e(404, 14508, 'OrderType or EventType should be specified.'),
  invalid: e(404, 14501, 'Subscription object is invalid: %s'),
  digestInvalid: e(404, 14502, 'Incorrect digest type'),
  urlEmpty: e(404, 14503, 'Callback URL is empty'),
  publicKeyInvalid: e(
    404,
    14504,
    "We couldn't read your provided certificate. Please encode your .DER/.CER/.CRT public key with a Base64 encoder and try again.",
  ),
  basicAuthIncomplete: e(
    404,
    14505,
    'Basic authentication must contain both a non-blank username and password',
  ),
  urlInvalid: e(404, 14506, 'Callback URL is invalid'),
  emailRequired: e(404, 12509, 'Email address is required'),
  emailInvalid: e(404, 12510, "Email address '%s' is not valid"),
} as const;
