import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../test/support/databases.js';
import { AcceleratedClock, ManualClock, parseDuration } from './clock.js';
import { readManualTime, restoreClock, storeManualTime } from './clock.store.js';

describe('the clock', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(() => t.drop());

  it('manual: stands still, moves only when set or advanced, never backwards', () => {
    const clock = new ManualClock(Date.parse('2026-01-01T00:00:00Z'));
    const a = clock.nowMs();
    assert.equal(clock.nowMs(), a);
    clock.advance(parseDuration('4h'));
    assert.equal(clock.now().toISOString(), '2026-01-01T04:00:00.000Z');
    assert.throws(() => clock.advance(-1));
  });

  it('accelerated: runs `factor` times faster than the wall clock', async () => {
    const clock = new AcceleratedClock(1000, Date.parse('2026-01-01T00:00:00Z'));
    const start = clock.nowMs();
    await new Promise((r) => setTimeout(r, 50));
    const elapsed = clock.nowMs() - start;
    assert.ok(elapsed >= 40_000, `${elapsed} ms of business time in ~50 ms`);
  });

  it('manual time is stored in the database and survives a restart', async () => {
    const start = Date.parse('2027-03-01T10:00:00Z');
    const first = await restoreClock(t.database, { mode: 'manual', factor: 1, start });
    assert.ok(first instanceof ManualClock);
    assert.equal(first.nowMs(), start);
    first.advance(60_000);
    await new Promise((r) => setTimeout(r, 20)); // the change is persisted asynchronously
    const restarted = await restoreClock(t.database, { mode: 'manual', factor: 1, start: 0 });
    assert.equal(restarted.nowMs(), start + 60_000);
    await storeManualTime(t.database, start + 120_000);
    assert.equal(await readManualTime(t.database), start + 120_000);
  });

  it('an accelerated clock continues from where it was after a restart', async () => {
    const first = await restoreClock(t.database, {
      mode: 'accelerated',
      factor: 100,
      start: Date.parse('2030-01-01T00:00:00Z'),
    });
    await new Promise((r) => setTimeout(r, 30));
    const before = first.nowMs();
    const restarted = await restoreClock(t.database, {
      mode: 'accelerated',
      factor: 100,
      start: Date.parse('2000-01-01T00:00:00Z'),
    });
    assert.ok(restarted.nowMs() >= before, 'time did not run backwards');
  });

  it('parses durations', () => {
    assert.equal(parseDuration('90s'), 90_000);
    assert.equal(parseDuration('15m'), 900_000);
    assert.equal(parseDuration('2d'), 172_800_000);
    assert.equal(parseDuration('250'), 250);
    assert.throws(() => parseDuration('soon'));
  });
});
