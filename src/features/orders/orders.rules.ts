import { ApiError, type ErrorDefinition } from '../../platform/http/api-error.js';
import type { RootIn } from '../../platform/xml/schema.js';
import { text } from '../../shared/fields.js';
import { parseCustomerOrderId, parseOrderName } from '../orders-common/order-fields.js';
import { parseTn } from '../../shared/numbering.js';
import type { Coverage } from '../../shared/coverage.js';
import { parseSearch, type Search } from '../search/search.criteria.js';
import { ORDER_TYPE_NAMES, type OrderRequestXml, type OrderTypeName } from './orders.xml.js';
import { OrderErrors } from './orders.errors.js';
import { OrderCommonErrors } from '../orders-common/orders-common.errors.js';

/**
 * A new-number order request, validated: the seed's common elements and one order type. Search
 * order types become the equivalent availableNumbers query, checked by the same criteria parser
 * (search.criteria.ts) so ordering and searching agree on every rule; its 40xx errors are reported
 * as the ordering code 5002.
 */
type OrderBody = RootIn<typeof OrderRequestXml>;

export const MAX_ORDER_QUANTITY = 5000;

export interface NewNumberDetails {
  readonly orderType: OrderTypeName;
  /** The order-type element as received, echoed back in responses. */
  readonly criteria: Readonly<Record<string, unknown>>;
  /** For search types: the availableNumbers query it stands for (lower-case names). */
  readonly search?: Readonly<Record<string, string>>;
  /** For ExistingTelephoneNumberOrderType. */
  readonly tns?: readonly number[];
  readonly reservationIds?: readonly string[];
  readonly partialAllowed: boolean;
  readonly backOrderRequested: boolean;
  readonly tnAttributes: readonly string[];
  /** Order-level errors of the last attempt (a search that came up short). */
  readonly errors?: readonly { readonly code: number; readonly description: string }[];
}

export interface NewOrderRequest {
  readonly name: string | undefined;
  readonly customerOrderId: string | undefined;
  readonly siteId: number;
  readonly peerId: number | undefined;
  readonly quantity: number;
  readonly details: NewNumberDetails;
  readonly search: Search | undefined;
}

const fail = (def: ErrorDefinition, ...args: (string | number)[]): never => {
  throw ApiError.of(def, ...args);
};

function bool(value: string | undefined, name: string, fallback: boolean): boolean {
  const t = text(value);
  if (t === undefined) return fallback;
  if (/^true$/i.test(t)) return true;
  if (/^false$/i.test(t)) return false;
  return fail(OrderErrors.orderCriteriaInvalid, name);
}

function quantity(value: string | undefined, requiredBy: ErrorDefinition | undefined): number {
  const t = text(value);
  if (t === undefined) {
    if (requiredBy) fail(requiredBy);
    return MAX_ORDER_QUANTITY; // seed: "If no quantity is specified, the default of 5000"
  }
  const n = Number(t);
  if (!/^\d+$/.test(t) || n < 1 || n > MAX_ORDER_QUANTITY) fail(OrderErrors.orderQuantityInvalid, t);
  return n;
}

/** availableNumbers parameter of each order-type child element (each type declares which it has). */
const SEARCH_PARAM: Readonly<Record<string, string>> = {
  AreaCode: 'areacode',
  RateCenter: 'ratecenter',
  State: 'state',
  NpaNxx: 'npanxx',
  NpaNxxX: 'npanxxx',
  Lata: 'lata',
  City: 'city',
  Zip: 'zip',
  EnableLCA: 'lca',
  LocalVanity: 'localvanity',
  EndsIn: 'endsin',
  TollFreeVanity: 'tollfreevanity',
  TollFreeWildCardPattern: 'tollfreewildcardpattern',
};

/** The availableNumbers query an order type's element stands for. */
function searchQuery(c: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [element, param] of Object.entries(SEARCH_PARAM)) {
    const value = text(c[element]);
    if (value !== undefined) query[param] = value;
  }
  // NPANXXSearchAndOrderType takes an NPA-NXX-X in NpaNxx too ("a similar approach is viable").
  if (query.npanxx?.length === 7 && query.npanxxx === undefined) {
    query.npanxxx = query.npanxx;
    delete query.npanxx;
  }
  return query;
}

/** Runs the search parser on the order's criteria, reporting its errors as ordering errors (5002). */
function parseOrderSearch(query: Record<string, string>, quantityValue: number, cov: Coverage): Search {
  try {
    return parseSearch({ ...query, quantity: String(quantityValue) }, cov);
  } catch (err) {
    if (err instanceof ApiError && err.code >= 4000 && err.code < 4100) {
      throw ApiError.of(OrderErrors.orderValidation, err.description);
    }
    throw err;
  }
}

function tnAttributes(values: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const raw of values ?? []) {
    const v = text(raw) ?? '';
    if (!/^protected$/i.test(v)) fail(OrderErrors.orderTnAttributeInvalid, v);
    if (out.includes('Protected')) fail(OrderErrors.orderTnAttributeDuplicate, v);
    out.push('Protected');
  }
  return out;
}

export function parseNewOrder(body: OrderBody, cov: Coverage): NewOrderRequest {
  const present = ORDER_TYPE_NAMES.filter((name) => body[name] !== undefined);
  if (present.length !== 1) fail(OrderErrors.orderTypeInvalid);
  const orderType = present[0] as OrderTypeName;

  const name = parseOrderName(body.Name);
  const customerOrderId = parseCustomerOrderId(body.CustomerOrderId);
  const siteText = text(body.SiteId);
  if (siteText === undefined) fail(OrderErrors.orderSiteRequired);
  if (!/^\d{1,9}$/.test(siteText ?? '')) fail(OrderErrors.orderSiteInvalid);
  const peerText = text(body.PeerId);
  if (peerText !== undefined && !/^\d{1,9}$/.test(peerText)) fail(OrderErrors.orderPeerInvalid);
  const partialAllowed = bool(body.PartialAllowed, 'PartialAllowed', true);
  const backOrderRequested = bool(body.BackOrderRequested, 'BackOrderRequested', false);
  const attributes = tnAttributes(body.TnAttributes);

  const base = {
    name,
    customerOrderId,
    siteId: Number(siteText),
    peerId: peerText === undefined ? undefined : Number(peerText),
  };
  const common = { orderType, partialAllowed, backOrderRequested, tnAttributes: attributes };

  if (orderType === 'ExistingTelephoneNumberOrderType') {
    const element = body.ExistingTelephoneNumberOrderType ?? {};
    const list = (element.TelephoneNumberList ?? []).map((v) => text(v) ?? '');
    if (list.length === 0) fail(OrderCommonErrors.orderTnRequired);
    if (list.length > MAX_ORDER_QUANTITY) fail(OrderCommonErrors.orderTooManyTns, MAX_ORDER_QUANTITY);
    const tns = list.map((v) => parseTn(v) ?? fail(OrderCommonErrors.orderTnInvalid));
    if (new Set(tns).size !== tns.length) fail(OrderCommonErrors.orderDuplicateTns);
    const reservationIds = (element.ReservationIdList ?? []).map((v) => (text(v) ?? '').toLowerCase());
    return {
      ...base,
      quantity: tns.length,
      search: undefined,
      details: { ...common, criteria: element, tns, reservationIds },
    };
  }

  const element = (body[orderType] ?? {}) as Readonly<Record<string, string | undefined>>;
  const required =
    orderType === 'AreaCodeSearchAndOrderType'
      ? OrderErrors.orderAreaCodeQuantity
      : orderType === 'TollFreeVanitySearchAndOrderType'
        ? OrderErrors.orderTollFreeVanityQuantity
        : undefined;
  if (orderType === 'AreaCodeSearchAndOrderType' && text(element.AreaCode) === undefined)
    fail(OrderErrors.orderAreaCodeQuantity);
  if (orderType === 'TollFreeVanitySearchAndOrderType' && text(element.TollFreeVanity) === undefined) {
    fail(OrderErrors.orderTollFreeVanityQuantity);
  }
  const n = quantity(element.Quantity, required);
  const query = searchQuery(element);
  if (Object.keys(query).filter((k) => k !== 'lca' && k !== 'endsin').length === 0)
    fail(OrderErrors.orderCombinationUnsupported);
  const search = parseOrderSearch(query, n, cov);
  if (search.kind === 'localVanity' && backOrderRequested) fail(OrderErrors.orderVanityBackorder);
  if (search.kind === 'tollFree' && attributes.includes('Protected'))
    fail(OrderErrors.orderProtectedTollFree);
  return { ...base, quantity: n, search, details: { ...common, criteria: element, search: query } };
}
