/** Per-number SIP-peer settings: what other features may use. */
export { sipPeerTnRoutes } from './sip-peer-tns.routes.js';
export {
  removeTnSettings as clearNumberSettings,
  settingsPageOf as numberSettingsPage,
  settingsOf as settingsOfNumbers,
  withFeaturesRemoved,
} from './tn-settings.store.js';

export { PeerTnErrors } from './sip-peer-tns.errors.js';
export { numberSettingsOf } from './sip-peer-tns.service.js';
export {
  applyNumberOptions,
  optionsRefusal,
  refusalError,
  type RefusalErrors,
  UNCHANGED,
  type NumberOptionsChange,
  type OptionChange,
  type OptionsRefusal,
} from './number-options.js';
export type {
  CallerName,
  DirectoryListing,
  EmergencyAddress,
  ListingName,
  TnSettings,
} from './tn-settings.store.js';
