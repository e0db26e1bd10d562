import { z } from 'zod';
import { Roles } from '../../shared/roles.js';
import { defineOrderKind, type Order } from '../orders-common/index.js';
import { lidbErrorShape } from './lidbs.xml.js';
import { LIDB_NOTIFIES, lidbMachine, type LidbStatus } from './lidbs.machine.js';

/**
 * LIDB orders, as an order kind (contract rows 58–60): caller names (`SubscriberInformation`, up to
 * 15 characters, a use type and a visibility) for groups of the account's numbers, set by a job as
 * each number's caller name (sip-peer-tns keeps it with the number's other settings, so a number
 * that is disconnected or ported out loses it).
 */
export const USE_TYPES = ['RESIDENTIAL', 'BUSINESS'] as const;
export const VISIBILITIES = ['PUBLIC', 'PRIVATE'] as const;

export const LidbGroup = z.object({
  tns: z.array(z.number()),
  subscriberInformation: z.string(),
  useType: z.enum(USE_TYPES),
  visibility: z.enum(VISIBILITIES),
});
export type LidbGroup = z.infer<typeof LidbGroup>;

export const LidbError = z.object({ code: z.number(), description: z.string(), tn: z.string() });
export type LidbError = z.infer<typeof LidbError>;

export const LidbDetails = z.object({
  groups: z.array(LidbGroup),
  /** Numbers refused when the order was placed (in the 201) or when it was processed. */
  errors: z.array(LidbError).optional(),
});
export type LidbDetails = z.infer<typeof LidbDetails>;

export const LIDBS = defineOrderKind({
  name: 'lidb',
  label: 'LIDB',
  collection: 'lidbs',
  role: Roles.cnamLidb,
  errorShape: lidbErrorShape,
  machine: lidbMachine,
  details: LidbDetails,
  subscriptionType: 'lidb',
  notifies: LIDB_NOTIFIES,
  notifiesCompletedNumbers: false,
  charge: 'FEATURE_NRC',
});

export type LidbOrder = Order<LidbStatus, LidbDetails>;
