/** Per-number SIP-peer settings: what other features may use. */
export { sipPeerTnRoutes } from './sip-peer-tns.routes.js';
export { removeTnSettings as clearNumberSettings } from './tn-settings.store.js';

/** An order's history note with the features its numbers lost (what clearNumberSettings said). */
export const withFeaturesRemoved = (note: string, removed: string | undefined): string =>
  removed === undefined ? note : `${note}; removed with them: ${removed}`;
export { PeerTnErrors } from './sip-peer-tns.errors.js';
export { numberSettingsOf } from './sip-peer-tns.service.js';
export {
  applyNumberOptions,
  optionsRefusal,
  UNCHANGED,
  type NumberOptionsChange,
  type OptionChange,
  type OptionsRefusal,
} from './number-options.js';
export type { CallerName, DirectoryListing, EmergencyAddress, ListingName } from './tn-settings.store.js';
