import { LinksXml, type PageLinks } from '../../platform/http/paging.js';
import { x, type Out, type RootOut } from '../../platform/xml/schema.js';
import type { CityEntry, CoveredPage, CoveredRateCenter, RateCenterEntry } from './coverage.service.js';

/** GET /rateCenters: the count element appears (between Abbreviation and Name) with available=true only. */
export const RateCenterResponseXml = x.root('RateCenterResponse', {
  ResultCount: x.text(),
  RateCenters: x.list(
    'RateCenter',
    x.object({ Abbreviation: x.text(), AvailableTelephoneNumberCount: x.text(), Name: x.text() }),
  ),
});

/** GET /cities: one City per city / rate-centre pair. */
export const CityResponseXml = x.root('CityResponse', {
  ResultCount: x.text(),
  Cities: x.list(
    'City',
    x.object({ RcAbbreviation: x.text(), AvailableTelephoneNumberCount: x.text(), Name: x.text() }),
  ),
});

/**
 * One covered rate centre. Name, Abbreviation, State, Lata, Tiers and Id always; the other parts only
 * when embedded (an embedded list with no items is written empty, so the caller sees it was asked).
 */
const coveredFields = {
  Name: x.text(),
  Abbreviation: x.text(),
  State: x.text(),
  Lata: x.text(),
  AvailableNumberCount: x.text(),
  ZipCodes: x.list('ZipCode', x.text()),
  Cities: x.list('City', x.text()),
  Vendors: x.list('Vendor', x.object({ VendorId: x.text(), VendorName: x.text() })),
  Tiers: x.list('Tier', x.text()),
  NpaNxxXs: x.list('NpaNxxX', x.text()),
  Id: x.text(),
  LocalRateCenters: x.list('RateCenterId', x.text()),
};

const CoveredRateCenterNode = x.object(coveredFields);

/** GET /coveredRateCenters/{rateCenterId}. */
export const CoveredRateCenterXml = x.root('CoveredRateCenter', coveredFields);

/** GET /coveredRateCenters: TotalCount only when a next page exists (RAML). */
export const CoveredRateCentersXml = x.root('CoveredRateCenters', {
  TotalCount: x.text(),
  Links: LinksXml,
  CoveredRateCenter: x.repeated(CoveredRateCenterNode),
});

export function rateCentersToXml(entries: readonly RateCenterEntry[]): RootOut<typeof RateCenterResponseXml> {
  return {
    ResultCount: entries.length,
    RateCenters: entries.map((e) => ({
      Abbreviation: e.abbreviation,
      AvailableTelephoneNumberCount: e.available,
      Name: e.name,
    })),
  };
}

export function citiesToXml(entries: readonly CityEntry[]): RootOut<typeof CityResponseXml> {
  return {
    ResultCount: entries.length,
    Cities: entries.map((e) => ({
      RcAbbreviation: e.rcAbbreviation,
      AvailableTelephoneNumberCount: e.available,
      Name: e.name,
    })),
  };
}

function coveredToXml(c: CoveredRateCenter): NonNullable<Out<typeof CoveredRateCenterNode>> {
  return {
    Name: c.name,
    Abbreviation: c.abbreviation,
    State: c.state,
    Lata: c.lata,
    AvailableNumberCount: c.availableNumberCount,
    ZipCodes: c.zipCodes,
    Cities: c.cities,
    Vendors: c.vendors?.map((v) => ({ VendorId: v.id, VendorName: v.name })),
    Tiers: c.tiers,
    NpaNxxXs: c.npaNxxXs,
    Id: c.id,
    LocalRateCenters: c.localRateCenters,
  };
}

export function coveredRateCenterToXml(c: CoveredRateCenter): RootOut<typeof CoveredRateCenterXml> {
  return coveredToXml(c);
}

export function coveredRateCentersToXml(
  page: CoveredPage,
  links: PageLinks,
): RootOut<typeof CoveredRateCentersXml> {
  return {
    TotalCount: page.nextId === undefined ? undefined : page.remaining,
    Links: links,
    CoveredRateCenter: page.items.map(coveredToXml),
  };
}
