import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { createDeps } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { AppDeps } from '../src/context.js';
import { featureJobs } from '../src/features/index.js';
import { createSipPeer } from '../src/features/sip-peers/index.js';
import { createSite } from '../src/features/sites/index.js';
import { RealClock } from '../src/platform/clock.js';
import { JobWorker } from '../src/platform/jobs/worker.js';
import { projectRoot } from '../src/platform/project-root.js';
import { createTestDatabase, DIALECT, TEST_PG_URL, type TestDatabase } from './support/databases.js';
import { drainJobs } from './support/harness.js';

const run = promisify(execFile);
const CLI = path.join(projectRoot(), 'dist', 'src', 'cli', 'main.js');
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * The operator's porting-out commands (the built CLI): `account create|update` with an SPID and
 * port-out settings, and `portout request|show` recording an outside carrier's request, which the
 * owner's PIN then decides like any other port-out.
 */
describe(`bwdash porting-out commands on ${DIALECT}`, () => {
  let t: TestDatabase;
  let env: NodeJS.ProcessEnv;
  let deps: AppDeps;

  before(async () => {
    t = await createTestDatabase({ referenceData: true });
    env = {
      ...process.env,
      DATA_DIR: t.dataDir,
      DATABASE_URL: TEST_PG_URL ? t.url : '',
      LOG_LEVEL: 'silent',
    };
    deps = await createDeps(loadConfig({ DATA_DIR: t.dataDir }), t.database, new RealClock());
  });
  after(() => t.drop());

  const bwdash = async (...args: string[]) => (await run(process.execPath, [CLI, ...args], { env })).stdout;
  const failure = async (...args: string[]) => {
    try {
      await bwdash(...args);
    } catch (err) {
      return String((err as { stderr?: string }).stderr);
    }
    throw new Error(`bwdash ${args.join(' ')} succeeded`);
  };

  it(
    'sets an SPID and port-out settings on create and update, and lists them',
    { timeout: 120_000 },
    async () => {
      assert.match(
        await bwdash('account', 'create', '--name', 'Carrier', '--id', '9900500', '--spid', 'ab12'),
        /created/,
      );
      assert.match(await bwdash('account', 'create', '--name', 'Owner', '--id', '9900501'), /created/);
      const updated = await bwdash(
        'account',
        'update',
        '9900501',
        '--name',
        'Owner Two',
        '--spid',
        'OW01',
        '--portout-pin',
        '2468',
        '--portout-validation-url',
        'https://validate.example.com/portout',
        '--portout-validation-user',
        'bw',
        '--portout-validation-password',
        'pw-1',
      );
      assert.match(updated, /account 9900501 updated \(Owner Two, SPID OW01\)/);
      const list = await bwdash('account', 'list');
      assert.match(list, /9900500 {2}Carrier {2}SPID AB12/);
      assert.match(list, /9900501 {2}Owner Two {2}SPID OW01/);
      const row = await t.database.db
        .selectFrom('accounts')
        .selectAll()
        .where('id', '=', '9900501')
        .executeTakeFirstOrThrow();
      assert.equal(row.portout_validation_url, 'https://validate.example.com/portout');
      assert.doesNotMatch(row.portout_validation_password ?? '', /pw-1/, 'the password is sealed');
      assert.match(row.portout_pin_hash ?? '', /^scrypt\$/, 'the PIN is hashed');
      // An empty URL clears it: the PIN decides again.
      await bwdash('account', 'update', '9900501', '--portout-validation-url', '');
      assert.match(
        await failure('account', 'update', '9900501', '--spid', 'TOO-LONG'),
        /SPID must be 4 letters or digits/,
      );
      assert.match(
        await failure('account', 'update', '9900501', '--portout-validation-url', 'ftp://x'),
        /http\(s\)/,
      );
      assert.match(await failure('account', 'update', '9999999', '--name', 'x'), /no account 9999999/);
    },
  );

  it(
    "records an outside carrier's port-out request; the owner's PIN decides it",
    { timeout: 120_000 },
    async () => {
      const site = await createSite(deps, '9900501', {
        name: 'Main',
        address: {
          houseNumber: '1',
          streetName: 'Main',
          city: 'Raleigh',
          stateCode: 'NC',
          zip: '27601',
          addressType: 'Service',
        },
      });
      await createSipPeer(deps, '9900501', String(site.id), { peerName: 'Peer', isDefaultPeer: 'true' });
      await bwdash('inventory', 'build', '--size', '1000');
      const [a, b] = await t.database.db
        .selectFrom('telephone_numbers')
        .select('tn')
        .orderBy('tn')
        .limit(2)
        .execute();
      const tns = [String(a?.tn), String(b?.tn)];
      assert.match(await bwdash('inventory', 'assign', ...tns, '--account', '9900501'), /2 in service/);

      const refused = await failure(
        'portout',
        'request',
        '--tns',
        `${tns[0]},${tns[0]}`,
        '--spid',
        'TOOLONG',
        '--pon',
        'bad pon',
      );
      assert.match(refused, /17004 Incorrect pon/);
      assert.match(refused, /17021 Incorrect SPID/);
      assert.match(refused, /17009 Lsr order contain duplicate/);

      const wrongPin = await bwdash(
        'portout',
        'request',
        '--tns',
        tns[0] ?? '',
        '--spid',
        'OUT1',
        '--pon',
        'EXT-1',
        '--pin',
        '1111',
      );
      const rightPin = await bwdash(
        'portout',
        'request',
        '--tns',
        tns[1] ?? '',
        '--spid',
        'OUT1',
        '--pon',
        'EXT-2',
        '--pin',
        '2468',
        '--name',
        'Owner Two',
      );
      const idOf = (out: string) =>
        /port-out ([0-9a-f-]{36}) +NEW +account 9900501 +1 numbers +to SPID OUT1/.exec(out)?.[1];
      const wrongId = idOf(wrongPin);
      const rightId = idOf(rightPin);
      assert.ok(wrongId, wrongPin);
      assert.ok(rightId, rightPin);

      // The server's worker validates them; here, the same jobs run in this process.
      const worker = new JobWorker(t.database, deps.clock, deps.jobs, silent);
      for (const def of featureJobs(deps)) worker.register(def);
      await drainJobs(worker);
      const shownWrong = await bwdash('portout', 'show', wrongId);
      assert.match(shownWrong, /VALIDATION_FAILED_NEW/);
      assert.match(shownWrong, /error 7513: PIN Invalid/);
      assert.match(await bwdash('portout', 'show', rightId), new RegExp(`FOC .*\\n  ${tns[1]}`));
      assert.match(await failure('portout', 'show', '00000000-0000-4000-8000-000000000000'), /not found/);
      // The refused request will not be supplemented: the operator cancels it, and its number is free.
      assert.match(await bwdash('portout', 'cancel', wrongId), /CANCELLED/);
      assert.match(await failure('portout', 'cancel', wrongId), /is CANCELLED/);
      assert.match(
        await bwdash('portout', 'request', '--tns', tns[0] ?? '', '--spid', 'OUT1', '--pon', 'EXT-3'),
        /NEW/,
      );
    },
  );
});
