import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { projectRoot } from '../platform/project-root.js';
import { ERROR_GROUPS, errorCatalogue } from './errors.js';

/**
 * The error catalogue as a whole: gathered from every feature's `<feature>.errors.ts`, each code is
 * one of Bandwidth's (data/bandwidth/numbers-error-codes.tsv), HTTP-level refusals aside, and no rule is
 * declared twice.
 */
function bandwidthCodes(): Set<number> {
  const file = path.join(projectRoot(), 'data', 'bandwidth', 'numbers-error-codes.tsv');
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n').slice(1);
  return new Set(lines.map((l) => Number(l.split('\t')[0])));
}

describe('error catalogue', () => {
  const all = errorCatalogue();

  it('gathers every feature errors file', () => {
    const featureDir = path.join(projectRoot(), 'src', 'features');
    const files = fs
      .readdirSync(featureDir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.errors.ts'));
    assert.ok(files.length >= 13);
    assert.ok(Object.keys(ERROR_GROUPS).length >= files.length + 4, 'a feature errors file is not gathered');
    assert.ok(all.length > 150);
  });

  it("uses Bandwidth's codes, except the HTTP-level refusals that carry their status", () => {
    const known = bandwidthCodes();
    const foreign = all.filter(
      (e) => !known.has(e.code) && !(e.id.startsWith('protocol.') && e.code === e.status),
    );
    assert.deepEqual(
      foreign.map((e) => `${e.id} ${e.code}`),
      [],
    );
  });

  it('declares each error once (one code and text in one place)', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const e of all) {
      const key = `${e.status} ${e.code} ${e.template}`;
      const first = seen.get(key);
      if (first) twice.push(`${first} = ${e.id}`);
      else seen.set(key, e.id);
    }
    assert.deepEqual(twice, []);
  });

  it('answers client errors with 4xx, "not ready yet" with 202 where documented, and only internal ones with 5xx', () => {
    // A report's file (row 86, 19048) or a billing archive (rows 93, 96: 15602) still being
    // produced is answered 202 with the error body.
    const notYet = ['reports.inProgress', 'billing.archiveInProgress'];
    for (const e of all) {
      if (notYet.includes(e.id)) {
        assert.equal(e.status, 202, e.id);
        continue;
      }
      assert.ok(e.status >= 400 && e.status < 600, e.id);
      if (e.status >= 500) assert.ok(e.id.startsWith('protocol.'), e.id);
    }
  });
});
