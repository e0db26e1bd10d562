import { sql } from 'kysely';
import type { Executor } from '../../platform/db/database.js';

/**
 * Numbers to port in tests: in an NPA-NXX of a rate centre we cover on-net (tier 0), absent from
 * the inventory, so they port from that rate centre's incumbent: `count` numbers of one NPA-NXX (one
 * losing carrier) from line `first`, in the `skip`-th such NPA-NXX.
 */
export async function portableNumbers(
  db: Executor,
  count: number,
  skip = 0,
  first = 8000,
): Promise<string[]> {
  const rows = await db
    .selectFrom('ref_npanxx')
    .innerJoin('rate_centers', 'rate_centers.lcg_exchange', 'ref_npanxx.lcg_exchange')
    .innerJoin('ref_rate_centers', 'ref_rate_centers.lcg_exchange', 'ref_npanxx.lcg_exchange')
    .select(['ref_npanxx.npa as npa', 'ref_npanxx.nxx as nxx'])
    .where('rate_centers.tier', '=', 0)
    .where('ref_rate_centers.ilec_name', 'is not', null)
    .where(sql<boolean>`ref_npanxx.nxx not like '555'`)
    .orderBy('ref_npanxx.npa')
    .orderBy('ref_npanxx.nxx')
    .offset(skip)
    .limit(400)
    .execute();
  for (const r of rows) {
    const base = Number(`${r.npa}${r.nxx}`) * 10_000;
    const tns = Array.from({ length: count }, (_, i) => base + first + i);
    const taken = await db
      .selectFrom('telephone_numbers')
      .select('tn')
      .where('tn', 'in', tns)
      .limit(1)
      .execute();
    const held = await db
      .selectFrom('port_in_numbers')
      .select('tn')
      .where('tn', 'in', tns)
      .limit(1)
      .execute();
    if (taken.length === 0 && held.length === 0) return tns.map(String);
  }
  throw new Error('no portable NPA-NXX found');
}

export interface PortInRequest {
  readonly tns: readonly string[];
  readonly btn?: string;
  readonly foc?: string;
  readonly triggered?: boolean;
  readonly businessName?: string;
  readonly houseNumber?: string;
  readonly loa?: string;
  readonly accountNumber?: string;
  readonly pin?: string;
  readonly customerOrderId?: string;
  readonly siteId?: string;
  readonly extra?: string;
}

export function portInXml(r: PortInRequest): string {
  return (
    `<LnpOrder>` +
    (r.foc ? `<RequestedFocDate>${r.foc}</RequestedFocDate>` : '') +
    `<BillingTelephoneNumber>${r.btn ?? r.tns[0]}</BillingTelephoneNumber>` +
    `<SiteId>${r.siteId ?? '1'}</SiteId>` +
    `<Subscriber><SubscriberType>BUSINESS</SubscriberType><BusinessName>${r.businessName ?? 'Acme Corporation'}</BusinessName>` +
    `<ServiceAddress><HouseNumber>${r.houseNumber ?? '1623'}</HouseNumber><StreetName>Brockton Ave</StreetName>` +
    `<City>Raleigh</City><StateCode>NC</StateCode><Zip>27601</Zip></ServiceAddress></Subscriber>` +
    `<LoaAuthorizingPerson>${r.loa ?? 'John Doe'}</LoaAuthorizingPerson>` +
    `<WirelessInfo><AccountNumber>${r.accountNumber ?? '771297665'}</AccountNumber><PinNumber>${r.pin ?? '1234'}</PinNumber></WirelessInfo>` +
    `<ListOfPhoneNumbers>${r.tns.map((t) => `<PhoneNumber>${t}</PhoneNumber>`).join('')}</ListOfPhoneNumbers>` +
    `<Triggered>${r.triggered ? 'true' : 'false'}</Triggered><BillingType>PORTIN</BillingType>` +
    (r.customerOrderId ? `<CustomerOrderId>${r.customerOrderId}</CustomerOrderId>` : '') +
    (r.extra ?? '') +
    `</LnpOrder>`
  );
}

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
