import { AddressXml, addressToXml } from '../../shared/address.xml.js';
import { x, type RootOut } from '../../platform/xml/schema.js';
import type { Account } from './accounts.store.js';

export const AccountResponseXml = x.root('AccountResponse', {
  Account: x.object({
    AccountId: x.text(),
    AssociatedCatapultAccount: x.text(),
    GlobalAccountNumber: x.text(),
    CompanyName: x.text(),
    AccountType: x.text(),
    NenaId: x.text(),
    Tiers: x.list('Tier', x.text()),
    Address: AddressXml,
    Contact: x.object({ FirstName: x.text(), LastName: x.text(), Phone: x.text(), Email: x.text() }),
    ReservationAllowed: x.text(),
    LnpEnabled: x.text(),
    AltSpid: x.text(),
    SPID: x.text(),
    PortCarrierType: x.text(),
  }),
});

export const AccountProductsResponseXml = x.root('AccountProductsResponse', {
  Products: x.list('Product', x.object({ Name: x.text(), Features: x.list('Feature', x.text(), 'omit') })),
});

export function accountToXml(a: Account): RootOut<typeof AccountResponseXml> {
  return {
    Account: {
      AccountId: a.id,
      AssociatedCatapultAccount: a.associatedCatapultAccount,
      GlobalAccountNumber: a.globalAccountNumber,
      CompanyName: a.companyName,
      AccountType: a.accountType,
      NenaId: a.nenaId ?? '',
      Tiers: a.tiers,
      Address: a.address ? addressToXml(a.address, true) : undefined,
      Contact: a.contact
        ? {
            FirstName: a.contact.firstName,
            LastName: a.contact.lastName,
            Phone: a.contact.phone,
            Email: a.contact.email,
          }
        : undefined,
      ReservationAllowed: a.reservationAllowed,
      LnpEnabled: a.lnpEnabled,
      AltSpid: a.altSpid,
      SPID: a.spid,
      PortCarrierType: a.portCarrierType,
    },
  };
}

export function productsToXml(a: Account): RootOut<typeof AccountProductsResponseXml> {
  return { Products: a.products.map((p) => ({ Name: p.name, Features: p.features })) };
}
