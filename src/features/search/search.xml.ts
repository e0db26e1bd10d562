import { formatTn } from '../../shared/numbering.js';
import { x, type RootOut } from '../../platform/xml/schema.js';
import type { NpaNxxAvailability, SearchOutcome } from './search.service.js';

/** With enableTNDetail the list switches to details; note `LATA` upper-case here (unlike `Lata` in /tns). */
export const SearchResultXml = x.root('SearchResult', {
  ResultCount: x.text(),
  TelephoneNumberList: x.list('TelephoneNumber', x.text(), 'omit'),
  TelephoneNumberDetailList: x.list(
    'TelephoneNumberDetail',
    x.object({
      City: x.text(),
      LATA: x.text(),
      RateCenter: x.text(),
      State: x.text(),
      FullNumber: x.text(),
      Tier: x.text(),
      VendorId: x.text(),
      VendorName: x.text(),
    }),
    'omit',
  ),
});

export const AvailableNpaNxxXml = x.root('SearchResultForAvailableNpaNxx', {
  AvailableNpaNxxList: x.list(
    'AvailableNpaNxx',
    x.object({ City: x.text(), Npa: x.text(), Nxx: x.text(), Quantity: x.text(), State: x.text() }),
  ),
});

/** No numbers: an empty `<SearchResult/>` (R18: "If no numbers are available an empty SearchResult element is returned"). */
export function searchResultToXml(outcome: SearchOutcome): RootOut<typeof SearchResultXml> {
  if (outcome.numbers.length === 0) return {};
  if (!outcome.detail) {
    // TNs are ten-digit numbers (NPA 2-9), written as they are.
    return { ResultCount: outcome.numbers.length, TelephoneNumberList: outcome.numbers };
  }
  return {
    ResultCount: outcome.numbers.length,
    TelephoneNumberDetailList: outcome.numbers.map((n) => ({
      City: n.city,
      LATA: n.lata,
      RateCenter: n.rateCenter,
      State: n.state,
      FullNumber: formatTn(n.tn),
      Tier: n.tier,
      VendorId: n.vendorId,
      VendorName: n.vendorName,
    })),
  };
}

export function availableNpaNxxToXml(
  list: readonly NpaNxxAvailability[],
): RootOut<typeof AvailableNpaNxxXml> {
  return {
    AvailableNpaNxxList: list.map((e) => ({
      City: e.city,
      Npa: e.npa,
      Nxx: e.nxx,
      Quantity: e.quantity,
      State: e.state,
    })),
  };
}
