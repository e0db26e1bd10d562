import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { createTestDatabase, DIALECT, type TestDatabase } from '../../../test/support/databases.js';
import { isValidNxx, TOLL_FREE_NPAS, vanityToDigits } from '../../shared/numbering.js';
import { buildInventory, clearInventory, parseInventorySize } from './inventory.build.js';

const SIZE = 60_000;

describe(`the demo inventory on ${DIALECT}`, () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase({ referenceData: true });
    await buildInventory(t.database, { size: SIZE, builtAt: new Date() });
  });
  after(() => t.drop());

  const q = <T>(query: ReturnType<typeof sql<T>>) => query.execute(t.database.db).then((r) => r.rows);

  it('has exactly the requested size, all available', async () => {
    const [row] = await q(sql<{ n: string | number; available: string | number }>`
      select count(*) as n, sum(case when status = 0 then 1 else 0 end) as available from telephone_numbers`);
    assert.equal(Number(row?.n), SIZE);
    assert.equal(Number(row?.available), SIZE);
  });

  it('uses only valid NPA-NXX codes: NXX 2-9, no N11, 555, 950, 958/959 or 976', async () => {
    const rows = await q(
      sql<{ nxx: number }>`select distinct (tn / 10000) % 1000 as nxx from telephone_numbers`,
    );
    for (const { nxx } of rows) assert.ok(isValidNxx(String(nxx)), `NXX ${nxx}`);
  });

  it('puts numbers in every covered rate centre of every state, DC included', async () => {
    const [missing] = await q(sql<{ n: string | number }>`
      select count(*) as n from rate_centers rc
      where not exists (select 1 from telephone_numbers t where t.rate_center_id = rc.id)`);
    assert.equal(Number(missing?.n), 0);
    const states = await q(
      sql<{ state: string }>`select distinct state from telephone_numbers where state is not null`,
    );
    assert.ok(states.length >= 51, `${states.length} states`);
    assert.ok(states.some((s) => s.state === 'DC'));
  });

  it('gives 919 (Raleigh, NC, LATA 426) plenty', async () => {
    const [row] = await q(sql<{ n: string | number }>`
      select count(*) as n from telephone_numbers where tn between 9190000000 and 9199999999`);
    assert.ok(Number(row?.n) > SIZE / 100, `${row?.n} numbers in 919`);
    const raleigh = await q(sql<{ lata: string }>`
      select distinct t.lata from telephone_numbers t join rate_centers rc on rc.id = t.rate_center_id
      where rc.state = 'NC' and rc.abbreviation = 'RALEIGH'`);
    assert.deepEqual(raleigh, [{ lata: '426' }]);
  });

  it('has toll-free numbers in every toll-free NPA, with memorable vanity numbers', async () => {
    for (const npa of TOLL_FREE_NPAS) {
      const [row] = await q(sql<{ n: string | number }>`
        select count(*) as n from telephone_numbers where tn between ${Number(npa) * 1e7} and ${Number(npa) * 1e7 + 9999999}`);
      assert.ok(Number(row?.n) > 0, `toll-free ${npa}`);
    }
    const flowers = Number(`800${vanityToDigits('FLOWERS') ?? ''}`);
    assert.equal(
      (await q(sql`select tn from telephone_numbers where tn = ${flowers}`)).length,
      1,
      '800-FLOWERS',
    );
  });

  it('records every thousands block it used', async () => {
    const [row] = await q(sql<{ n: string | number }>`
      select count(*) as n from (select distinct tn / 1000 as x from telephone_numbers where rate_center_id is not null) b
      where not exists (select 1 from number_blocks nb where nb.npa_nxx_x = b.x)`);
    assert.equal(Number(row?.n), 0);
  });

  it('marks about 1% protected', async () => {
    const [row] = await q(
      sql<{ n: string | number }>`select count(*) as n from telephone_numbers where protected = 1`,
    );
    assert.ok(Number(row?.n) > SIZE * 0.005 && Number(row?.n) < SIZE * 0.02);
  });

  it('is deterministic: the same size gives the same numbers', async () => {
    const digest = async () => {
      const rows = await q(sql<{ tn: number }>`select tn from telephone_numbers order by tn`);
      return createHash('sha256')
        .update(rows.map((r) => String(r.tn)).join(','))
        .digest('hex');
    };
    const first = await digest();
    await clearInventory(t.database);
    await buildInventory(t.database, { size: SIZE, builtAt: new Date() });
    assert.equal(await digest(), first);
  });

  it('refuses to build over an existing inventory', async () => {
    await assert.rejects(buildInventory(t.database, { size: 10, builtAt: new Date() }), /not empty/);
  });

  it('parses sizes', () => {
    assert.equal(parseInventorySize('10m'), 10_000_000);
    assert.equal(parseInventorySize('250k'), 250_000);
    assert.equal(parseInventorySize('1234'), 1234);
    assert.throws(() => parseInventorySize('lots'));
  });
});
