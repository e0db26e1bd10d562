import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import fs from 'node:fs';
import path from 'node:path';
import { createTestDatabase, DIALECT, type TestDatabase } from '../../../test/support/databases.js';
import { loadReferenceData, REFERENCE_FILES, referenceDir } from './load.js';

function csvRows(file: string): number {
  const text = gunzipSync(fs.readFileSync(path.join(referenceDir(), file))).toString('utf8');
  // Header line excluded; the files have no embedded newlines in quoted fields.
  return text.split('\n').filter((l) => l.trim() !== '').length - 1;
}

describe(`reference data on ${DIALECT}`, () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.drop());

  it('loads every shipped file into its table, row for row', { timeout: 120_000 }, async () => {
    const result = await loadReferenceData(t.database);
    assert.equal(result.loaded, true);
    for (const spec of REFERENCE_FILES) {
      const { n } = await t.database.db
        .selectFrom(spec.table)
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(Number(n), csvRows(spec.file), spec.file);
    }
  });

  it('does nothing on the next start (the version is current)', async () => {
    const again = await loadReferenceData(t.database);
    assert.equal(again.loaded, false);
  });

  it('keeps codes as text: ZIP 01001, LATA 426 for RALEIGH, NC', async () => {
    const zip = await t.database.db
      .selectFrom('ref_zip_codes')
      .selectAll()
      .where('zip', '=', '01001')
      .executeTakeFirst();
    assert.equal(zip?.state, 'MA');
    const raleigh = await t.database.db
      .selectFrom('ref_rate_centers')
      .selectAll()
      .where('state', '=', 'NC')
      .where('rate_center', '=', 'RALEIGH')
      .executeTakeFirstOrThrow();
    assert.equal(raleigh.lata, '426');
    const npa = await t.database.db.selectFrom('ref_npanxx').selectAll().where('npa', '=', '919').execute();
    assert.ok(npa.length > 50, '919 has NXX codes');
  });
});
