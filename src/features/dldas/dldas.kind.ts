import { z } from 'zod';
import { Roles } from '../../shared/roles.js';
import { defineOrderKind, type Order } from '../orders-common/index.js';
import { dldaErrorShape } from './dldas.xml.js';
import { DLDA_NOTIFIES, dldaMachine, type DldaStatus } from './dldas.machine.js';

/**
 * DL/DA orders, as an order kind (contract rows 61–65): directory listings (listed, non-listed or
 * non-published, a listing name, whether the address is listed, the address) for groups of the
 * account's numbers, set by a job as each number's listing (sip-peer-tns keeps it with the number's
 * other settings, so a disconnect or port-out removes it); a PUT changes them in a new round.
 */
export const SUBSCRIBER_TYPES = ['RESIDENTIAL', 'BUSINESS'] as const;
export const LISTING_TYPES = ['LISTED', 'NON_LISTED', 'NON_PUBLISHED'] as const;
export const LISTING_NAME_KEYS = [
  'firstName',
  'firstName2',
  'lastName',
  'designation',
  'titleOfLineage',
  'titleOfAddress',
  'titleOfAddress2',
  'titleOfLineageName2',
  'titleOfAddressName2',
  'titleOfAddress2Name2',
  'placeListingAs',
] as const;
export type ListingNameKey = (typeof LISTING_NAME_KEYS)[number];

const Text = z.string().optional();
export const DldaAddress = z.object({
  houseNumber: z.string(),
  houseSuffix: Text,
  preDirectional: Text,
  streetName: z.string(),
  streetSuffix: Text,
  postDirectional: Text,
  addressLine2: Text,
  city: z.string(),
  stateCode: z.string(),
  zip: z.string(),
  plusFour: Text,
  county: Text,
  country: z.string(),
});

export const DldaGroup = z.object({
  tns: z.array(z.number()),
  subscriberType: z.enum(SUBSCRIBER_TYPES),
  listingType: z.enum(LISTING_TYPES),
  listingName: z
    .object(
      Object.fromEntries(LISTING_NAME_KEYS.map((k) => [k, Text])) as Record<ListingNameKey, typeof Text>,
    )
    .optional(),
  listAddress: z.boolean(),
  address: DldaAddress.optional(),
});
export type DldaGroup = z.infer<typeof DldaGroup>;

export const DldaError = z.object({ code: z.number(), description: z.string(), tn: z.string() });
export type DldaError = z.infer<typeof DldaError>;

export const DldaDetails = z.object({
  groups: z.array(DldaGroup),
  /** A PUT's DeleteDldaTnGroups on a processed order: this round removes the numbers' listings. */
  remove: z.boolean().optional(),
  /** Numbers refused when the order was placed or changed (in its body) or when it was processed. */
  errors: z.array(DldaError).optional(),
  /** A round has run: a later removal is a round of its own, not a cancel. */
  processed: z.boolean().optional(),
});
export type DldaDetails = z.infer<typeof DldaDetails>;

export const DLDAS = defineOrderKind({
  name: 'dlda',
  label: 'DL/DA',
  collection: 'dldas',
  role: Roles.dlda,
  errorShape: dldaErrorShape,
  machine: dldaMachine,
  details: DldaDetails,
  subscriptionType: 'dldas',
  notifies: DLDA_NOTIFIES,
  notifiesCompletedNumbers: false,
  charge: 'FEATURE_NRC',
});

export type DldaOrder = Order<DldaStatus, DldaDetails>;
