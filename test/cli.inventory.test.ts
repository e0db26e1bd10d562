import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '../src/config.js';
import type { AppDeps } from '../src/context.js';
import { createSipPeer } from '../src/features/sip-peers/index.js';
import { createSite } from '../src/features/sites/index.js';
import { RealClock } from '../src/platform/clock.js';
import { createDeps } from '../src/app.js';
import { projectRoot } from '../src/platform/project-root.js';
import { createTestDatabase, DIALECT, TEST_PG_URL, type TestDatabase } from './support/databases.js';

const run = promisify(execFile);
const CLI = path.join(projectRoot(), 'dist', 'src', 'cli', 'main.js');

/** `bwdash inventory …` (the built CLI, as npm test builds it) on a database with reference data. */
describe(`bwdash inventory commands on ${DIALECT}`, () => {
  let t: TestDatabase;
  let env: NodeJS.ProcessEnv;
  let deps: AppDeps;

  before(async () => {
    t = await createTestDatabase({ referenceData: true });
    // SQLite: the CLI opens <DATA_DIR>/bandwidth.sqlite, the file createTestDatabase made.
    env = {
      ...process.env,
      DATA_DIR: t.dataDir,
      DATABASE_URL: TEST_PG_URL ? t.url : '',
      LOG_LEVEL: 'silent',
    };
    deps = await createDeps(loadConfig({ DATA_DIR: t.dataDir }), t.database, new RealClock());
  });
  after(() => t.drop());

  const bwdash = async (...args: string[]) =>
    (await run(process.execPath, [CLI, ...args], { env, maxBuffer: 16 * 1024 * 1024 })).stdout;
  const countLine = (out: string, name: string) => {
    const m = new RegExp(`^${name}\\s+([\\d,]+)$`, 'm').exec(out);
    assert.ok(m, `${name} in\n${out}`);
    return Number((m[1] ?? '').replace(/,/g, ''));
  };

  it('explains itself in --help', async () => {
    const help = await bwdash('inventory', '--help');
    for (const command of ['import', 'assign', 'build', 'count'])
      assert.match(help, new RegExp(`\\b${command}\\b`));
    assert.match(
      await bwdash('inventory', 'import', '--help'),
      /number\[,rate center\]\[,state\]\[,lata\]\[,city\]\[,zip\]/,
    );
    assert.match(await bwdash('inventory', 'build', '--help'), /--reset/);
    assert.match(
      await bwdash('inventory', 'assign', '--help'),
      /--account <id>[\s\S]*--site <id>[\s\S]*--peer <id>/,
    );
  });

  it(
    'builds an inventory, refuses to build over it, rebuilds with --reset, and counts',
    { timeout: 120_000 },
    async () => {
      const empty = await bwdash('inventory', 'count');
      assert.equal(countLine(empty, 'total'), 0);

      assert.match(
        await bwdash('inventory', 'build', '--size', '2k'),
        /built 2,000 numbers in [\d,]+ thousands blocks/,
      );
      await assert.rejects(
        bwdash('inventory', 'build', '--size', '1000'),
        /already holds 2,000 numbers.*--reset/,
      );
      await assert.rejects(bwdash('inventory', 'build', '--size', 'lots'), /inventory size must look like/);

      const rebuilt = await bwdash('inventory', 'build', '--size', '1500', '--reset');
      assert.match(rebuilt, /deleted 2,000 numbers/);
      assert.match(rebuilt, /built 1,500 numbers/);
      const counted = await bwdash('inventory', 'count');
      assert.equal(countLine(counted, 'available'), 1500);
      assert.equal(countLine(counted, 'inService'), 0);
      assert.equal(countLine(counted, 'total'), 1500);
    },
  );

  let imported: number[] = [];

  it(
    'imports a CSV file, printing the counts and every rejection, and re-imports harmlessly',
    { timeout: 120_000 },
    async () => {
      // A 919 RALEIGH block the 1,500-number inventory does not use.
      const used = new Set(
        (await t.database.db.selectFrom('number_blocks').select('npa_nxx_x').execute()).map(
          (b) => b.npa_nxx_x,
        ),
      );
      const block = [...Array(10).keys()].map((x) => 9192120 + x).find((x) => !used.has(x));
      assert.ok(block !== undefined);
      const [first, second] = [block * 1000 + 11, block * 1000 + 12];
      imported = [first, second];
      const file = path.join(t.dataDir, 'numbers.csv');
      fs.writeFileSync(
        file,
        [
          'number,rate center,state',
          `${first}`,
          `${second},RALEIGH,NC`,
          '12345',
          `${first}`,
          `${second + 1},NOWHERE,NC`,
        ].join('\n'),
      );
      const out = await bwdash('inventory', 'import', file);
      assert.match(out, /^accepted 2, unchanged 0, rejected 3$/m);
      assert.match(out, /^ {2}line 4: 12345: invalid number$/m);
      assert.match(out, new RegExp(`^  line 5: ${first}: duplicate of line 2$`, 'm'));
      assert.match(out, /^ {2}line 6: \d{10}: unknown rate centre 'NOWHERE' in NC$/m);

      const again = await bwdash('inventory', 'import', file);
      assert.match(again, /^accepted 0, unchanged 2, rejected 3$/m);
      assert.equal(countLine(await bwdash('inventory', 'count'), 'total'), 1502);
      await assert.rejects(bwdash('inventory', 'import', path.join(t.dataDir, 'missing.csv')), /ENOENT/);
    },
  );

  it(
    'assigns numbers to an account, printing what changed and why the rest was refused',
    { timeout: 120_000 },
    async () => {
      assert.match(await bwdash('account', 'create', '--name', 'Inventory Co', '--id', '9900200'), /created/);
      const site = await createSite(deps, '9900200', {
        name: 'Main',
        address: {
          houseNumber: '1',
          streetName: 'Main St',
          city: 'Raleigh',
          stateCode: 'NC',
          zip: '27606',
          addressType: 'Service',
        },
      });
      const peer = await createSipPeer(deps, '9900200', String(site.id), {
        peerName: 'Peer',
        isDefaultPeer: true,
      });
      const [tn] = imported;
      const out = await bwdash(
        'inventory',
        'assign',
        String(tn),
        '2015550100',
        'garbage',
        '--account',
        '9900200',
      );
      assert.match(
        out,
        new RegExp(`^1 in service on account 9900200, site ${site.id}, SIP peer ${peer.id}:$`, 'm'),
      );
      assert.match(out, new RegExp(`^  ${tn}$`, 'm'));
      assert.match(out, /^refused:$/m);
      assert.match(out, /^ {2}garbage: not a 10-digit number$/m);
      assert.match(out, /^ {2}2015550100: not in the inventory$/m);
      const row = await t.database.db
        .selectFrom('telephone_numbers')
        .selectAll()
        .where('tn', '=', tn as number)
        .executeTakeFirstOrThrow();
      assert.deepEqual(
        [row.status, row.account_id, row.site_id, row.sip_peer_id],
        [2, '9900200', site.id, peer.id],
      );

      const twice = await bwdash(
        'inventory',
        'assign',
        String(tn),
        '--account',
        '9900200',
        '--site',
        String(site.id),
      );
      assert.match(twice, /^no number changed$/m);
      assert.match(twice, new RegExp(`^  ${tn}: already in service on this account$`, 'm'));
      await assert.rejects(
        bwdash('inventory', 'assign', String(imported[1]), '--account', '9900200', '--site', '999'),
        /site 999 does not exist on account 9900200/,
      );
      await assert.rejects(
        bwdash('inventory', 'assign', String(imported[1]), '--account', '9900200', '--peer', 'x'),
        /--peer must be a positive integer/,
      );
      const counted = await bwdash('inventory', 'count');
      assert.equal(countLine(counted, 'inService'), 1);
      assert.equal(countLine(counted, 'available'), 1501);
    },
  );
});
