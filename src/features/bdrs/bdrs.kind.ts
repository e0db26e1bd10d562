import { z } from 'zod';
import { Roles } from '../../shared/roles.js';
import { defineOrderKind, StoredFile, type Order } from '../orders-common/index.js';
import { BDR_NOTIFIES, bdrMachine, type BdrStatus } from './bdrs.machine.js';
import { retrievalErrorShape } from './bdrs.xml.js';

/**
 * BDR archives, as an order kind (contract rows 94–96; Bandwidth's older form of the billing
 * reports): the detail records of a range of days, one CSV a month, in `bdrs_<start>_<end>.zip`.
 */
export const BdrDetails = z.object({
  startDate: z.string(),
  endDate: z.string(),
  file: StoredFile.optional(),
});
export type BdrDetails = z.infer<typeof BdrDetails>;

export const BDRS = defineOrderKind({
  name: 'bdr',
  label: 'BDR archive',
  collection: 'bdrs',
  role: Roles.bdr,
  errorShape: retrievalErrorShape,
  machine: bdrMachine,
  details: BdrDetails,
  subscriptionType: undefined,
  notifies: BDR_NOTIFIES,
  notifiesCompletedNumbers: false,
});

export type Bdr = Order<BdrStatus, BdrDetails>;
