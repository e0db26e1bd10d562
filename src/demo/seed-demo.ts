import type { AppDeps } from '../context.js';
import { createAccount, findAccountOf as findAccount } from '../features/accounts/index.js';
import { assignNumbers } from '../features/assignments/index.js';
import { availableNumbersOf } from '../features/inventory/index.js';
import { createSipPeer } from '../features/sip-peers/index.js';
import { createSite } from '../features/sites/index.js';
import { createUser, findUser } from '../features/users/index.js';

/** Demo numbers put in service on the demo site at set-up. */
export const DEMO_IN_SERVICE = 25;

export interface DemoSettings {
  readonly accountId: string;
  readonly username: string;
  readonly password: string;
}

export interface DemoResult {
  readonly created: boolean;
}

/**
 * The demo tenant a new user gets from `npm start`: account 9900000 ("Demo Company"), a user with
 * every role on it, a Raleigh site with a default SIP peer and, when the inventory exists, 25 Raleigh
 * numbers in service on it. Created once; later starts reuse it
 * (a changed DEMO_PASSWORD does not overwrite a password the user has since changed).
 */
export async function seedDemo(deps: AppDeps, demo: DemoSettings): Promise<DemoResult> {
  const db = deps.database.db;
  let created = false;
  if (!(await findAccount(db, demo.accountId))) {
    await createAccount(deps, {
      id: demo.accountId,
      companyName: 'Demo Company',
      address: {
        houseNumber: '900',
        streetName: 'Main Campus Drive',
        city: 'Raleigh',
        stateCode: 'NC',
        zip: '27606',
        country: 'United States',
        addressType: 'Service',
      },
      contact: { firstName: 'Demo', lastName: 'User', phone: '9195551234', email: 'demo@example.com' },
    });
    const address = {
      houseNumber: '900',
      streetName: 'Main Campus Drive',
      city: 'Raleigh',
      stateCode: 'NC',
      zip: '27606',
      addressType: 'Service',
    };
    const site = await createSite(deps, demo.accountId, {
      name: 'Raleigh',
      description: 'Demo site',
      customerName: 'Demo Company',
      address: address,
    });
    const peer = await createSipPeer(deps, demo.accountId, String(site.id), {
      peerName: 'DemoPeer',
      description: 'Default SIP peer of the demo site',
      isDefaultPeer: true,
      shortMessagingProtocol: 'SIP',
      voiceHosts: [{ hostName: 'sbc.demo.example.com', port: '5060' }],
    });
    // A few Raleigh numbers already in service, so in-service lists and /tns show something.
    const raleigh = deps.coverage.rateCenterByName('NC', 'RALEIGH');
    if (raleigh) {
      await assignNumbers(deps, {
        tns: await availableNumbersOf(db, raleigh.id, DEMO_IN_SERVICE),
        accountId: demo.accountId,
        siteId: site.id,
        sipPeerId: peer.id,
        userId: demo.username,
      });
    }
    created = true;
  }
  if (!(await findUser(db, demo.username))) {
    await createUser(deps, {
      username: demo.username,
      password: demo.password,
      firstName: 'Demo',
      lastName: 'User',
      email: 'demo@example.com',
      telephoneNumber: '9195551234',
      accounts: [demo.accountId],
    });
    created = true;
  }
  return { created };
}
