import { defineError as e } from '../../platform/http/api-error.js';

export const SiteErrors = {
  siteNotFound: e(404, 12016, "Site '%s' does not exist"),
  siteIdInvalid: e(400, 12527, "Site id '%s' is not valid"),
  siteNameRequired: e(400, 12533, 'Site name is required'),
  siteNameTooLong: e(400, 12529, "Site name '%s' is too long. Max length 10 characters"),
  siteHasSipPeers: e(400, 12031, 'Please remove all locations before proceeding with this remove.'),
  customerProvidedIdInvalid: e(400, 12544, "Customer provided id '%s' is not valid"),
  customerProvidedIdTooLong: e(400, 12606, "Customer provided ID '%s' is too long. Max length %s characters"),
  ucTrunkingNotAllowed: e(400, 12046, 'UcTrunkingConfiguration is not allowed for non UC Trunking accounts'),
  ucTrunkingRequired: e(400, 12615, 'UcTrunkingConfiguration is required for UC Trunking sub accounts'),
  ucTypeInvalid: e(
    400,
    12614,
    'UcTrunkingConfiguration Type is not valid. Valid values: Cloud, Seats, Premise',
  ),
  ucUsageInvalid: e(400, 12599, 'UsageCategory is not valid. Valid values: UC250, UC500, UC1000'),
  ucUsageOnlyForSeats: e(400, 12617, 'UsageCategory is not an applicable field for non Seats locations'),
} as const;
