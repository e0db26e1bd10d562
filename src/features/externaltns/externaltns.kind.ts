import { z } from 'zod';
import { Roles } from '../../shared/roles.js';
import {
  defineOrderKind,
  processingMachine,
  type Order,
  type ProcessingStatus,
} from '../orders-common/index.js';
import { externalTnErrorShape } from './externaltns.xml.js';

/**
 * External-number orders (contract rows 125–127): an account brings in numbers another carrier
 * hosts (for messaging), on one of its sites and SIP peers (IMPORT), or takes them out (REMOVE).
 * One processing round (orders-common's machine and job); notified when it ends (§11).
 */
export const ACTIONS = ['IMPORT', 'REMOVE'] as const;

export const ExternalTnError = z.object({
  code: z.number(),
  description: z.string(),
  tns: z.array(z.number()),
});
export type ExternalTnError = z.infer<typeof ExternalTnError>;

export const ExternalTnDetails = z.object({
  action: z.enum(ACTIONS),
  tns: z.array(z.number()),
  errors: z.array(ExternalTnError).optional(),
});
export type ExternalTnDetails = z.infer<typeof ExternalTnDetails>;

export const EXTERNAL_TNS = defineOrderKind({
  name: 'external_tn',
  label: 'External TNs',
  collection: 'externalTns',
  role: Roles.ordering,
  errorShape: externalTnErrorShape,
  machine: processingMachine,
  details: ExternalTnDetails,
  subscriptionType: 'externalTns',
  // Contract §11: externalTns COMPLETE, PARTIAL, FAILED.
  notifies: ['COMPLETE', 'PARTIAL', 'FAILED'] satisfies ProcessingStatus[],
  notifiesCompletedNumbers: false,
});

export type ExternalTnOrder = Order<ProcessingStatus, ExternalTnDetails>;
