import { defineError as e } from '../../platform/http/api-error.js';

export const InventoryErrors = {
  tnInvalid: e(400, 12512, "Telephone number '%s' is not valid"),
  tnNotFound: e(404, 15506, "The telephone number '%s' does not exist"),
  tnNotInService: e(404, 5074, 'Telephone number is not in service.'),
  tnHistoryNotFound: e(404, 404, 'Results were not found.'),
  tnsNpaInvalid: e(400, 15510, "The NPA '%s' is invalid"),
  tnsNpaNxxInvalid: e(400, 15511, "The NPA_NXX '%s' is invalid"),
  tnsNpaNxxXInvalid: e(400, 15512, "The NPA_NXX_X '%s' is invalid"),
  tnsStatusInvalid: e(400, 15513, "The TN status '%s' is invalid"),
  tnsRateCenterInvalid: e(400, 15514, "The Rate Center '%s' is invalid"),
} as const;
