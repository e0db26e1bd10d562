import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_THROTTLE,
  delayAfter,
  FailureCounts,
  KeyedLanes,
  PrioritySemaphore,
  Waits,
} from './auth-throttle.js';

describe('the login throttle pieces', () => {
  it('waits nothing for the first failures, then twice as long each time, up to the cap', () => {
    assert.deepEqual(
      [0, 4, 5, 6, 7, 20].map((n) => delayAfter(n, DEFAULT_THROTTLE)),
      [0, 0, 100, 200, 400, 5000],
    );
  });

  it('counts failures per key and forgets the oldest keys first when full', () => {
    const counts = new FailureCounts(60_000, 3);
    counts.add('a');
    counts.add('a');
    counts.add('b');
    counts.add('c');
    counts.add('d'); // over the bound: 'a' (the oldest) goes, the others stay
    assert.deepEqual(
      ['a', 'b', 'c', 'd'].map((k) => counts.count(k)),
      [0, 1, 1, 1],
    );
    counts.clear('b');
    assert.equal(counts.count('b'), 0);
  });

  it('runs urgent tasks before those that waited longer but are not', async () => {
    const gate = new PrioritySemaphore(1);
    const order: string[] = [];
    let release: () => void = () => undefined;
    const first = gate.run(
      () => new Promise<void>((r) => (release = r)).then(() => order.push('running')),
      true,
    );
    const later = gate.run(() => Promise.resolve(order.push('later')), false);
    const urgent = gate.run(() => Promise.resolve(order.push('urgent')), true);
    release();
    await Promise.all([first, later, urgent]);
    assert.deepEqual(order, ['running', 'urgent', 'later']);
  });

  it('runs one task at a time per key, in order, and refuses more than the bound waiting', async () => {
    const lanes = new KeyedLanes(2);
    const order: number[] = [];
    let running = 0;
    let most = 0;
    const task = (n: number) => async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      order.push(n);
      running--;
    };
    const runs = [1, 2, 3].map((n) => lanes.run('k', task(n)));
    assert.equal(lanes.run('k', task(4)), undefined, 'a fourth waiting attempt is refused');
    const other = lanes.run('other', task(9));
    await Promise.all([...runs, other]);
    assert.equal(most, 2, 'the two keys ran side by side, each one at a time');
    assert.deepEqual(
      order.filter((n) => n !== 9),
      [1, 2, 3],
    );
    assert.ok(lanes.run('k', task(5)), 'the lane is free again');
  });

  it('cuts every wait short when closed', async () => {
    const waits = new Waits();
    const started = performance.now();
    const sleeping = waits.sleep(60_000);
    waits.close();
    assert.equal(await sleeping, false);
    assert.equal(await waits.sleep(10), false);
    assert.ok(performance.now() - started < 1000);
  });
});
