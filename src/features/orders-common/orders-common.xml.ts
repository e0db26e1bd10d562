import { responseStatusShape, type ErrorShape } from '../../platform/http/error-shapes.js';
import { LinksXml } from '../../platform/http/paging.js';
import { x, type Out, type RootIn, type RootOut } from '../../platform/xml/schema.js';
import { formatTn } from '../../shared/numbering.js';
import type { HistoryEntry } from './order-history.js';
import type { NumberPlaceSummary } from './order-list.js';
import type { Note, NoteInput } from './order-notes.js';
import type { NumberReport } from './order-reports.js';

/**
 * The payloads every kind of order shares: notes, history, the order lists' wrapper and number
 * summaries, per-number errors, and the number reports. Declared once; each kind's own payloads are
 * in its `<kind>.xml.ts`.
 */

/** `ErrorList` inside an order body: order-level errors and per-number ones (with the number). */
export const ErrorListXml = x.list(
  'Error',
  x.object({ Code: x.text(), Description: x.text(), TelephoneNumber: x.text() }),
  'omit',
);

export interface OrderError {
  readonly code: number;
  readonly description: string;
  readonly tn?: number | undefined;
}

export function errorListOf(errors: readonly OrderError[]): Out<typeof ErrorListXml> {
  if (errors.length === 0) return undefined;
  return errors.map((e) => ({
    Code: e.code,
    Description: e.description,
    TelephoneNumber: e.tn === undefined ? undefined : formatTn(e.tn),
  }));
}

// ---- notes ----------------------------------------------------------------------------------

export const NoteRequestXml = x.root('Note', { UserId: x.text(), Description: x.text() });

export function noteInputOf(body: RootIn<typeof NoteRequestXml>): NoteInput {
  return { userId: body.UserId, description: body.Description };
}

export const NotesXml = x.root('Notes', {
  Note: x.repeated(
    x.object({ Id: x.text(), UserId: x.text(), Description: x.text(), LastDateModifier: x.text() }),
  ),
});

export function notesToXml(notes: readonly Note[]): RootOut<typeof NotesXml> {
  return {
    Note: notes.map((n) => ({
      Id: n.id,
      UserId: n.userId,
      Description: n.description,
      LastDateModifier: n.at,
    })),
  };
}

/** 400 of a note POST: `NoteResponse/ResponseStatus`. */
export const noteErrorShape = responseStatusShape('NoteResponse');

// ---- history --------------------------------------------------------------------------------

/** An order's history: every status it went through, and each change made to it, oldest first. */
export const OrderHistoryXml = x.root('OrderHistoryWrapper', {
  OrderHistory: x.repeated(
    x.object({
      OrderDate: x.text(),
      Note: x.text(),
      Author: x.text(),
      Status: x.text(),
      Difference: x.text(),
    }),
  ),
});

export function historyToXml(entries: readonly HistoryEntry[]): RootOut<typeof OrderHistoryXml> {
  return {
    OrderHistory: entries.map((h) => ({
      OrderDate: h.at,
      Note: h.note,
      Author: h.author,
      Status: h.status,
      Difference: h.difference,
    })),
  };
}

// ---- lists ----------------------------------------------------------------------------------

/** The numbers of a list entry summarised by state, rate centre, city, tier and vendor. */
export const TelephoneNumberDetailsXml = x.object({
  States: x.list('StateWithCount', x.object({ State: x.text(), Count: x.text() }), 'omit'),
  RateCenters: x.list('RateCenterWithCount', x.object({ Count: x.text(), RateCenter: x.text() }), 'omit'),
  Cities: x.list('CityWithCount', x.object({ City: x.text(), Count: x.text() }), 'omit'),
  Tiers: x.list('TierWithCount', x.object({ Tier: x.text(), Count: x.text() }), 'omit'),
  Vendors: x.list(
    'VendorWithCount',
    x.object({ VendorId: x.text(), VendorName: x.text(), Count: x.text() }),
    'omit',
  ),
});

export function numberDetailsToXml(d: NumberPlaceSummary): Out<typeof TelephoneNumberDetailsXml> {
  return {
    States: d.states.map((s) => ({ State: s.state, Count: s.count })),
    RateCenters: d.rateCenters.map((r) => ({ Count: r.count, RateCenter: r.rateCenter })),
    Cities: d.cities.map((c) => ({ City: c.city, Count: c.count })),
    Tiers: d.tiers.map((t) => ({ Tier: t.tier, Count: t.count })),
    Vendors: d.vendors.map((v) => ({ VendorId: v.vendorId, VendorName: v.vendorName, Count: v.count })),
  };
}

/** A list of orders whose entries have the given fields (each list documents its own casing and order). */
export function orderListXml<
  F extends Record<string, ReturnType<typeof x.text> | typeof TelephoneNumberDetailsXml>,
>(entry: F) {
  return x.root('ResponseSelectWrapper', {
    ListOrderIdUserIdDate: x.object({
      TotalCount: x.text(),
      Links: LinksXml,
      OrderIdUserIdDate: x.repeated(x.object(entry)),
    }),
  });
}

const listStatusShape = responseStatusShape('ResponseSelectWrapper');

/**
 * Errors of the order lists: bad parameters (and "none" where it is a 404) have no body, as
 * documented; refused credentials or access still say why.
 */
export const orderListErrorShape: ErrorShape = (err) =>
  err.status === 400 || err.status === 404 ? null : listStatusShape(err);

/** 404 of lists documented to answer "none" with a bare `<Links>` (disconnects, site orders). */
export const NoOrdersXml = x.root('Links', { first: x.text() });

// ---- number reports -------------------------------------------------------------------------

/** `areaCodes`, `npaNxx` and `totals` of an order. */
export const TelephoneDetailsReportsXml = x.root('TelephoneDetailsReports', {
  TelephoneDetailsReport: x.repeated(x.object({ AreaCode: x.text(), 'NPA-NXX': x.text(), Count: x.text() })),
});

export function areaCodesToXml(r: NumberReport): RootOut<typeof TelephoneDetailsReportsXml> {
  return { TelephoneDetailsReport: r.areaCodes.map((a) => ({ AreaCode: a.key, Count: a.count })) };
}

export function npaNxxToXml(r: NumberReport): RootOut<typeof TelephoneDetailsReportsXml> {
  return { TelephoneDetailsReport: r.npaNxxs.map((a) => ({ 'NPA-NXX': a.key, Count: a.count })) };
}

/** The total alone (contract: the OpenAPI schema has only Count; the RAML example copies npaNxx). */
export function totalsToXml(r: NumberReport): RootOut<typeof TelephoneDetailsReportsXml> {
  return { TelephoneDetailsReport: [{ Count: r.tns.length }] };
}

/** An order's numbers: the count, then each number as an unwrapped sibling. */
export const OrderTnsXml = x.root('TelephoneNumbers', {
  Count: x.text(),
  TelephoneNumber: x.repeated(x.text()),
});

export function tnsToXml(r: NumberReport): RootOut<typeof OrderTnsXml> {
  return { Count: r.tns.length, TelephoneNumber: r.tns.map(formatTn) };
}
