import { z } from 'zod';
import { Roles } from '../../shared/roles.js';
import { defineOrderKind, type Order } from '../orders-common/index.js';
import { e911ErrorShape } from './e911s.xml.js';
import { E911_NOTIFIES, e911Machine, type E911Status } from './e911s.machine.js';

/**
 * E911 orders, as an order kind (contract rows 66–69): an emergency address and caller name for a
 * list of the account's numbers, or their removal (`DeleteTNSpecificE911Address`). A job validates
 * the address as a geocoder does (geocoder.ts) and sets it on each number in service on the account
 * (sip-peer-tns keeps it with the number's other settings, so a disconnect or port-out removes it).
 */
const Text = z.string().optional();
export const E911Address = z.object({
  houseNumber: Text,
  houseSuffix: Text,
  preDirectional: Text,
  streetName: Text,
  streetSuffix: Text,
  postDirectional: Text,
  addressLine2: Text,
  city: Text,
  stateCode: Text,
  zip: Text,
  plusFour: Text,
  county: Text,
  country: Text,
});
export type E911Address = z.infer<typeof E911Address>;

/** Refused numbers, one entry per reason (the GET lists them so: `Error{Code, Description, TelephoneNumbers}`). */
export const E911Error = z.object({ code: z.number(), description: z.string(), tns: z.array(z.string()) });
export type E911Error = z.infer<typeof E911Error>;

export const E911Details = z.object({
  tns: z.array(z.number()),
  callerName: z.string().optional(),
  /** As sent; replaced by the address as provisioned once the order is processed. */
  address: E911Address.optional(),
  /** DeleteTNSpecificE911Address: the numbers' emergency addresses are removed. */
  remove: z.boolean(),
  /** What the geocoder corrected ("City: Raleigh → RALEIGH"). */
  corrections: z.array(z.string()).optional(),
  errors: z.array(E911Error).optional(),
});
export type E911Details = z.infer<typeof E911Details>;

export const E911S = defineOrderKind({
  name: 'e911',
  label: 'E911',
  collection: 'e911s',
  role: Roles.e911,
  errorShape: e911ErrorShape,
  machine: e911Machine,
  details: E911Details,
  subscriptionType: 'e911s',
  notifies: E911_NOTIFIES,
  notifiesCompletedNumbers: false,
  charge: 'FEATURE_NRC',
});

export type E911Order = Order<E911Status, E911Details>;
