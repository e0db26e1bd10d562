import { LinksXml, type PageLinks } from '../../platform/http/paging.js';
import { x, type RootOut } from '../../platform/xml/schema.js';
import type { TnKeyPage } from './in-service.service.js';

/** The number lists of inserviceNumbers and discnumbers (ops 3, 46, 113): numbers only. */
export const TnListXml = x.root('TNs', {
  TotalCount: x.text(),
  Links: LinksXml,
  TelephoneNumbers: x.object({ Count: x.text(), TelephoneNumber: x.repeated(x.text()) }),
});

/** The totals of both lists (ops 4, 47). */
export const QuantityXml = x.root('Quantity', { Count: x.text() });

export function tnListToXml(page: TnKeyPage, links: PageLinks): RootOut<typeof TnListXml> {
  return {
    TotalCount: page.total,
    Links: links,
    TelephoneNumbers: { Count: page.tns.length, TelephoneNumber: page.tns },
  };
}
