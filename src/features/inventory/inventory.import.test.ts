import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DIALECT } from '../../../test/support/databases.js';
import { startHarness, type Harness } from '../../../test/support/harness.js';
import { isValidNxx } from '../../shared/numbering.js';
import { IMPORT_ORDER_TYPE, importNumbers, type ImportResult } from './inventory.import.js';
import { historyOf } from './inventory.store.js';
import { TnStatus, vendorForTier } from '../../shared/tn-status.js';

describe(`importing numbers from CSV on ${DIALECT}`, () => {
  let h: Harness;
  /** 919-NXX codes: one in RALEIGH by the reference data, one the reference data does not know. */
  let raleighNxx: number;
  let unknownNxx: number;
  /** Free thousands blocks (no number_blocks row yet) to import into. */
  let blocks: number[];
  let existing: number;

  const db = () => h.app.deps.database.db;
  const numberRow = (tn: number) =>
    db().selectFrom('telephone_numbers').selectAll().where('tn', '=', tn).executeTakeFirst();
  const blockRow = (x: number) =>
    db().selectFrom('number_blocks').selectAll().where('npa_nxx_x', '=', x).executeTakeFirst();
  const count = async (table: 'telephone_numbers' | 'tn_history' | 'number_blocks') =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string | number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const rc = (state: string, name: string) => {
    const found = h.app.deps.coverage.rateCenterByName(state, name);
    assert.ok(found, `${name} ${state}`);
    return found;
  };
  /** `n` numbers of a free block not present in the inventory. */
  const freeNumbers = async (nxx: number, n: number): Promise<number[]> => {
    for (let x = 0; x < 10; x++) {
      const block = (919 * 1000 + nxx) * 10 + x;
      if (blocks.includes(block) || (await blockRow(block))) continue;
      const first = block * 1000;
      const present = await db()
        .selectFrom('telephone_numbers')
        .select('tn')
        .where('tn', '>=', first)
        .where('tn', '<', first + 1000)
        .execute();
      if (present.length > 0) continue;
      blocks.push(block);
      return Array.from({ length: n }, (_, i) => first + 100 + i);
    }
    throw new Error(`no free block in 919-${nxx}`);
  };

  before(async () => {
    h = await startHarness({ inventory: 30_000 });
    blocks = [];
    raleighNxx = Number(
      (
        await db()
          .selectFrom('ref_npanxx')
          .select('nxx')
          .where('npa', '=', '919')
          .where('rate_center', '=', 'RALEIGH')
          .orderBy('nxx')
          .executeTakeFirstOrThrow()
      ).nxx,
    );
    const known = new Set(
      (await db().selectFrom('ref_npanxx').select('nxx').where('npa', '=', '919').execute()).map(
        (r) => r.nxx,
      ),
    );
    unknownNxx = Number(
      Array.from({ length: 800 }, (_, i) => String(200 + i)).find(
        (nxx) => isValidNxx(nxx) && !known.has(nxx),
      ),
    );
    existing = (
      await db()
        .selectFrom('telephone_numbers')
        .select('tn')
        .where('tn', '>', 9190000000)
        .executeTakeFirstOrThrow()
    ).tn;
  });
  after(() => h.close());

  it('places numbers from the NPA-NXX, an explicit rate centre or the ZIP, and rejects what it cannot', async () => {
    const [a, b, c, d, e, f, g] = await freeNumbers(raleighNxx, 7);
    const [z1, z2, z3] = await freeNumbers(unknownNxx, 3);
    let tollFree = 8332000000;
    while ((await numberRow(tollFree)) || (await numberRow(tollFree + 1))) tollFree += 2;
    const csv = [
      'number,rate center,state,lata,city,zip',
      `${a}`, // 2: from the NPA-NXX
      `(919) ${String(b).slice(3, 6)}-${String(b).slice(6)},RALEIGH,nc,426,Raleigh,`, // 3: everything given
      `${c},CARY,NC`, // 4: block already placed in RALEIGH by line 2
      `${d},,TX`, // 5: state mismatch
      `${e},NOWHERE,NC`, // 6: unknown rate centre
      `${f},,,999`, // 7: LATA mismatch
      `${g},,,,Atlantis`, // 8: unknown city
      '',
      '# a comment line',
      `${a}`, // 11: duplicate of line 2
      '12345', // 12: invalid
      '9195550100', // 13: 555 is not an assignable NXX
      `+1${tollFree}`, // 14: toll-free, no place
      `${z1},,,,,27513`, // 15: unknown NPA-NXX, placed by the ZIP (CARY)
      `${z2}`, // 16: no way to place it
      `${z3},DURHAM`, // 17: DURHAM exists in CT, NC and NH: which?
      `${existing}`, // 18: already in the inventory
      `${tollFree + 1},RALEIGH,NC`, // 19: toll-free with a place
    ].join('\n');
    const before = { numbers: await count('telephone_numbers'), history: await count('tn_history') };
    const result = await importNumbers(h.app.deps, csv, { userId: 'operator' });

    const reasons = Object.fromEntries(result.rejected.map((r) => [r.line, r.reason]));
    assert.deepEqual(
      Object.keys(reasons).map(Number),
      [4, 5, 6, 7, 8, 11, 12, 13, 16, 17, 19],
      JSON.stringify(result),
    );
    assert.match(reasons[4] ?? '', /block 919\d{3}-\d is in rate centre RALEIGH \(NC\), not CARY \(NC\)/);
    assert.match(reasons[5] ?? '', /state mismatch.*NC.*TX/);
    assert.match(reasons[6] ?? '', /unknown rate centre 'NOWHERE' in NC/);
    assert.match(reasons[7] ?? '', /LATA mismatch.*426.*999/);
    assert.match(reasons[8] ?? '', /unknown city 'Atlantis' in NC/);
    assert.equal(reasons[11], 'duplicate of line 2');
    assert.equal(reasons[12], 'invalid number');
    assert.equal(reasons[13], 'invalid number: NXX 555 is not assignable');
    assert.match(reasons[16] ?? '', /no way to place it/);
    assert.match(reasons[17] ?? '', /unknown rate centre 'DURHAM' \(give its state\)/);
    assert.match(reasons[19] ?? '', /toll-free/);
    assert.deepEqual(
      result.rejected.find((r) => r.line === 12),
      { line: 12, number: '12345', reason: 'invalid number' },
    );
    assert.equal(result.accepted, 4);
    assert.equal(result.unchanged, 1);
    assert.equal(await count('telephone_numbers'), before.numbers + 4);
    assert.equal(await count('tn_history'), before.history + 4);

    const raleigh = rc('NC', 'RALEIGH');
    const cary = rc('NC', 'CARY');
    for (const tn of [a, b]) {
      const row = await numberRow(tn as number);
      assert.ok(row, `${tn} imported`);
      assert.equal(row.status, TnStatus.available);
      assert.equal(row.rate_center_id, raleigh.id);
      assert.equal(row.state, 'NC');
      assert.equal(row.lata, '426');
      assert.equal(row.tier, raleigh.tier);
      assert.equal(row.vendor_id, vendorForTier(raleigh.tier));
      assert.equal(row.account_id, null);
      assert.equal(row.order_type, IMPORT_ORDER_TYPE);
      const city = h.app.deps.coverage.city(row.city_id);
      assert.equal(city?.name, 'RALEIGH');
    }
    const byZip = await numberRow(z1 as number);
    assert.equal(byZip?.rate_center_id, cary.id);
    assert.equal((await numberRow(c as number)) === undefined, true);
    const toll = await numberRow(tollFree);
    assert.ok(toll);
    assert.equal(toll.rate_center_id, null);
    assert.equal(toll.state, null);
    assert.equal(toll.status, TnStatus.available);

    const block = await blockRow(Math.floor((a as number) / 1000));
    assert.deepEqual(block && { rc: block.rate_center_id, state: block.state, lata: block.lata }, {
      rc: raleigh.id,
      state: 'NC',
      lata: '426',
    });
    assert.equal((await blockRow(Math.floor((z1 as number) / 1000)))?.rate_center_id, cary.id);

    const history = await historyOf(db(), a as number);
    assert.equal(history.length, 1);
    assert.equal(history[0]?.status, TnStatus.available);
    assert.equal(history[0]?.order_type, IMPORT_ORDER_TYPE);
    assert.equal(history[0]?.user_id, 'operator');

    // The same file again: nothing new, nothing duplicated, the same rejections.
    const again: ImportResult = await importNumbers(h.app.deps, csv);
    assert.equal(again.accepted, 0);
    assert.equal(again.unchanged, 5);
    assert.deepEqual(
      again.rejected.map((r) => r.line),
      [4, 5, 6, 7, 8, 11, 12, 13, 16, 17, 19],
    );
    assert.equal(await count('telephone_numbers'), before.numbers + 4);
    assert.equal(await count('tn_history'), before.history + 4);
  });

  it('reads positional rows without a header, with CRLF line ends and quoted fields', async () => {
    const [a, b] = await freeNumbers(raleighNxx, 2);
    const [z] = await freeNumbers(unknownNxx, 1);
    const csv = `${a},RALEIGH,NC\r\n"${b}","RALEIGH","NC","426","Raleigh"\r\n${z},"DURHAM",NC\r\n`;
    const result = await importNumbers(h.app.deps, csv);
    assert.deepEqual(result, { accepted: 3, unchanged: 0, rejected: [] });
    assert.equal((await numberRow(z as number))?.rate_center_id, rc('NC', 'DURHAM').id);
  });

  it('takes the columns in the header’s order', async () => {
    const [a] = await freeNumbers(unknownNxx, 1);
    const result = await importNumbers(h.app.deps, `ZIP Code,Telephone Number\n27513,${a}\n`);
    assert.deepEqual(result, { accepted: 1, unchanged: 0, rejected: [] });
    assert.equal((await numberRow(a as number))?.rate_center_id, rc('NC', 'CARY').id);
  });

  it('makes imported numbers available like any other: they can be reserved', async () => {
    const [tn] = await freeNumbers(raleighNxx, 1);
    await importNumbers(h.app.deps, `${tn}\n`);
    const res = await h.post(
      '/api/accounts/9900000/tnreservation',
      `<Reservation><ReservedTn>${tn}</ReservedTn></Reservation>`,
    );
    assert.equal(res.status, 201, res.body);
  });

  it('refuses a file it cannot read, writing nothing', async () => {
    const numbers = await count('telephone_numbers');
    await assert.rejects(
      importNumbers(h.app.deps, 'number,colour\n9192120000,red\n'),
      /unknown column 'colour'/,
    );
    await assert.rejects(importNumbers(h.app.deps, `9192120000,"RALEIGH\n`), /not valid CSV/);
    assert.equal(await count('telephone_numbers'), numbers);
    assert.deepEqual(await importNumbers(h.app.deps, ''), { accepted: 0, unchanged: 0, rejected: [] });
  });
});
