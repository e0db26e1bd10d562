import { addressInputOf, AddressXml, addressToXml } from '../../shared/address.xml.js';
import { x, type RootIn, type RootOut } from '../../platform/xml/schema.js';
import type { SiteInput } from './sites.service.js';
import type { Site } from './sites.store.js';

const UcTrunkingXml = x.object({ Type: x.text(), UsageCategory: x.text() });

/** Request body of POST and PUT /sites (the seed spells it CustomerProvidedID; names match in any case). */
export const SiteRequestXml = x.root('Site', {
  Name: x.text(),
  Description: x.text(),
  CustomerName: x.text(),
  CustomerProvidedId: x.text(),
  Address: AddressXml,
  UcTrunkingConfiguration: UcTrunkingXml,
});

export function siteInputOf(body: RootIn<typeof SiteRequestXml>): SiteInput {
  const uc = body.UcTrunkingConfiguration;
  return {
    name: body.Name,
    description: body.Description,
    customerName: body.CustomerName,
    customerProvidedId: body.CustomerProvidedId,
    address: addressInputOf(body.Address),
    ucTrunking: uc && { type: uc.Type, usageCategory: uc.UsageCategory },
  };
}

export const SiteResponseXml = x.root('SiteResponse', {
  Site: x.object({
    Id: x.text(),
    Name: x.text(),
    Description: x.text(),
    CustomerName: x.text(),
    CustomerProvidedId: x.text(),
    Address: AddressXml,
    UcTrunkingConfiguration: UcTrunkingXml,
  }),
});

export const SitesResponseXml = x.root('SitesResponse', {
  Sites: x.list('Site', x.object({ Id: x.text(), Name: x.text(), Description: x.text() })),
});

export function siteToXml(s: Site): RootOut<typeof SiteResponseXml> {
  return {
    Site: {
      Id: s.id,
      Name: s.name,
      Description: s.description,
      CustomerName: s.customerName,
      CustomerProvidedId: s.customerProvidedId,
      Address: s.address ? addressToXml(s.address) : undefined,
      UcTrunkingConfiguration: s.ucTrunking
        ? { Type: s.ucTrunking.type, UsageCategory: s.ucTrunking.usageCategory }
        : undefined,
    },
  };
}

export function sitesToXml(sites: readonly Site[]): RootOut<typeof SitesResponseXml> {
  return { Sites: sites.map((s) => ({ Id: s.id, Name: s.name, Description: s.description })) };
}
