import { z } from 'zod';
import { Roles } from '../../shared/roles.js';
import { defineOrderKind, type Order } from '../orders-common/index.js';
import { tnOptionErrorShape } from './tnoptions.xml.js';
import { TN_OPTION_NOTIFIES, tnOptionMachine, type TnOptionStatus } from './tnoptions.machine.js';

/**
 * TN-option orders, as an order kind: `POST /tnoptions` with groups of numbers and the options to
 * give each group (contract rows 70–73), carried out by a job on every number in service on the
 * account through sip-peer-tns' one rule for a number's options.
 */
export const OPTION_NAMES = [
  'numberFormat',
  'rpidFormat',
  'rewriteUser',
  'callForward',
  'callingNameDisplay',
  'protected',
  'sms',
  'finalDestinationUri',
] as const;
export type OptionName = (typeof OPTION_NAMES)[number];

/** A group's options as accepted (lower-cased keywords, values checked), absent ones unchanged. */
export const TnOptionValues = z.object(
  Object.fromEntries(OPTION_NAMES.map((n) => [n, z.string().optional()])) as Record<
    OptionName,
    z.ZodOptional<z.ZodString>
  >,
);
export type TnOptionValues = z.infer<typeof TnOptionValues>;

export const TnOptionGroup = z.object({ options: TnOptionValues, tns: z.array(z.number()) });
export type TnOptionGroup = z.infer<typeof TnOptionGroup>;

export const TnOptionError = z.object({ code: z.number(), description: z.string(), tn: z.number() });
export type TnOptionError = z.infer<typeof TnOptionError>;

export const TnOptionDetails = z.object({
  groups: z.array(TnOptionGroup),
  /** The numbers whose options could not change, each with why. */
  errors: z.array(TnOptionError).optional(),
});
export type TnOptionDetails = z.infer<typeof TnOptionDetails>;

export const TN_OPTIONS = defineOrderKind({
  name: 'tn_option',
  label: 'TN option',
  collection: 'tnoptions',
  role: Roles.ordering,
  errorShape: tnOptionErrorShape,
  machine: tnOptionMachine,
  details: TnOptionDetails,
  subscriptionType: 'tnoptions',
  notifies: TN_OPTION_NOTIFIES,
  notifiesCompletedNumbers: false,
  charge: 'FEATURE_NRC',
});

export type TnOptionOrder = Order<TnOptionStatus, TnOptionDetails>;
