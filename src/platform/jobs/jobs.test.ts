import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, DIALECT, type TestDatabase } from '../../../test/support/databases.js';
import { createEffectsTable, recordJob, type RecordPayload } from '../../../test/fixtures/record-job.js';
import { ManualClock } from '../clock.js';
import { inTransaction } from '../db/transaction.js';
import { JobQueue, type JobDefinition } from './queue.js';
import { JobWorker } from './worker.js';

const silent = { info() {}, warn() {}, error() {} };
const FIXTURE = path.resolve(import.meta.dirname, '../../../test/fixtures/job-worker.ts');

async function effects(t: TestDatabase): Promise<{ job_key: string; worker: string; runs: number }[]> {
  const { rows } = await sql<{ job_key: string; worker: string; runs: number | string }>`
    select job_key, worker, runs from job_effects order by job_key`.execute(t.database.db);
  return rows.map((r) => ({ ...r, runs: Number(r.runs) }));
}

async function jobRows(t: TestDatabase) {
  return t.database.db.selectFrom('jobs').selectAll().orderBy('id').execute();
}

async function enqueueMany(
  t: TestDatabase,
  queue: JobQueue,
  def: JobDefinition<RecordPayload>,
  keys: string[],
) {
  await inTransaction(t.database.db, async (tx) => {
    for (const key of keys) await queue.enqueue(tx, def, { key });
  });
}

function spawnWorker(t: TestDatabase, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', FIXTURE], {
    env: { ...process.env, JOB_DB: t.url, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('durable jobs', () => {
  let t: TestDatabase;
  let clock: ManualClock;
  let queue: JobQueue;

  before(async () => {
    t = await createTestDatabase();
    await createEffectsTable(t.database.db);
  });
  after(() => t.drop());
  beforeEach(async () => {
    await t.database.db.deleteFrom('jobs').execute();
    await sql`delete from job_effects`.execute(t.database.db);
    clock = new ManualClock(Date.parse('2026-12-01T00:00:00Z'));
    queue = new JobQueue(clock);
  });

  function worker(def: JobDefinition<RecordPayload>, id = 'w1') {
    return new JobWorker(t.database, clock, queue, silent, { id, pollMs: 10_000 }).register(def);
  }

  it('runs a job once, in effect, and marks it done', async () => {
    const def = recordJob('w1');
    await enqueueMany(t, queue, def, ['a']);
    const w = worker(def);
    assert.equal(await w.runDue(), 1);
    assert.equal(await w.runDue(), 0);
    assert.deepEqual(await effects(t), [{ job_key: 'a', worker: 'w1', runs: 1 }]);
    const [job] = await jobRows(t);
    assert.equal(job?.status, 'done');
    assert.equal(job?.attempts, 1);
  });

  it("does a job's long work outside the transaction, keeps its lease, and hands its result to run", async () => {
    const seen: { prepared: unknown; attempt: number }[] = [];
    const outside: boolean[] = [];
    const def: JobDefinition<RecordPayload> = {
      name: 'test.prepared',
      maxAttempts: 3,
      backoff: { baseMs: 1_000, capMs: 1_000 },
      parse: (payload) => payload as RecordPayload,
      async prepare(ctx, payload) {
        // Outside any transaction: the connection answers other queries meanwhile.
        const n = await t.database.db.selectFrom('jobs').select('id').execute();
        outside.push(n.length === 1);
        await ctx.keepAlive();
        if (ctx.attempt === 1) throw new Error('the first try of the long work fails');
        return { key: payload.key, attempt: ctx.attempt };
      },
      run(ctx) {
        seen.push({ prepared: ctx.prepared, attempt: ctx.attempt });
        return Promise.resolve();
      },
    };
    const w = new JobWorker(t.database, clock, queue, silent, { id: 'w1', pollMs: 10_000 }).register(def);
    await inTransaction(t.database.db, (tx) => queue.enqueue(tx, def, { key: 'a' }));
    assert.equal(await w.runDue(), 1);
    assert.deepEqual(seen, []);
    // The back-off is 1 s with up to 10% jitter either way.
    clock.advance(2_000);
    assert.equal(await w.runDue(), 1);
    assert.deepEqual(seen, [{ prepared: { key: 'a', attempt: 2 }, attempt: 2 }]);
    assert.deepEqual(outside, [true, true]);
    const [job] = await jobRows(t);
    assert.equal(job?.status, 'done');
  });

  it('is enqueued with the transaction: a rolled-back change leaves no job', async () => {
    const def = recordJob('w1');
    await assert.rejects(
      inTransaction(t.database.db, async (tx) => {
        await queue.enqueue(tx, def, { key: 'never' });
        throw new Error('the state change failed');
      }),
    );
    assert.equal((await jobRows(t)).length, 0);
  });

  it('rolls back a failed attempt and retries after a back-off on the business clock', async () => {
    const def = recordJob('w1', { failFirst: true });
    await enqueueMany(t, queue, def, ['retry']);
    const w = worker(def);
    assert.equal(await w.runDue(), 1);
    assert.deepEqual(await effects(t), [], 'the failed attempt left no effect');
    let [job] = await jobRows(t);
    assert.equal(job?.status, 'pending');
    assert.match(job?.last_error ?? '', /on purpose/);
    assert.equal(await w.runDue(), 0, 'not due before the back-off has passed');
    clock.advance(2_000);
    assert.equal(await w.runDue(), 1);
    [job] = await jobRows(t);
    assert.equal(job?.status, 'done');
    assert.equal(job?.attempts, 2);
    assert.deepEqual(await effects(t), [{ job_key: 'retry', worker: 'w1', runs: 1 }]);
  });

  it('runs a job again at once when the database aborted it as a deadlock or serialisation failure', async () => {
    const base = recordJob('w1');
    let runs = 0;
    const def: JobDefinition<RecordPayload> = {
      ...base,
      async run(ctx, payload) {
        await base.run(ctx, payload);
        runs++;
        if (runs <= 2) {
          throw Object.assign(new Error('deadlock detected'), { code: runs === 1 ? '40P01' : '40001' });
        }
      },
    };
    await enqueueMany(t, queue, def, ['contended']);
    assert.equal(await worker(def).runDue(), 1);
    assert.equal(runs, 3);
    const [job] = await jobRows(t);
    assert.equal(job?.status, 'done', 'done in the same round, without a back-off');
    assert.equal(job?.attempts, 1);
    assert.deepEqual(await effects(t), [{ job_key: 'contended', worker: 'w1', runs: 1 }]);
  });

  it('gives up after maxAttempts and keeps the error', async () => {
    const def: JobDefinition<RecordPayload> = {
      ...recordJob('w1'),
      maxAttempts: 2,
      run: () => Promise.reject(new Error('always broken')),
    };
    await enqueueMany(t, queue, def, ['doomed']);
    const w = worker(def);
    await w.runDue();
    clock.advance(60_000);
    await w.runDue();
    const [job] = await jobRows(t);
    assert.equal(job?.status, 'failed');
    assert.equal(job?.attempts, 2);
    assert.match(job?.last_error ?? '', /always broken/);
  });

  it('gives up once, in the transaction that marks the job failed, and not before', async () => {
    const gaveUp: string[] = [];
    const def: JobDefinition<RecordPayload> = {
      ...recordJob('w1'),
      maxAttempts: 2,
      run: () => Promise.reject(new Error('always broken')),
      async giveUp(ctx, payload, error) {
        await sql`insert into job_effects (job_key, worker, runs) values (${payload.key}, 'gave-up', 1)`.execute(
          ctx.tx.db,
        );
        gaveUp.push(error);
      },
    };
    await enqueueMany(t, queue, def, ['abandoned']);
    const w = worker(def);
    await w.runDue();
    assert.deepEqual(gaveUp, [], 'attempts are left');
    clock.advance(60_000);
    await w.runDue();
    assert.equal(gaveUp.length, 1);
    assert.match(gaveUp[0] ?? '', /always broken/);
    assert.deepEqual(await effects(t), [{ job_key: 'abandoned', worker: 'gave-up', runs: 1 }]);
    assert.equal((await jobRows(t))[0]?.status, 'failed');
    clock.advance(600_000);
    assert.equal(await w.runDue(), 0, 'a failed job is not run again');
  });

  it('waits for its due time on the clock', async () => {
    const def = recordJob('w1');
    await inTransaction(t.database.db, (tx) =>
      queue.enqueue(tx, def, { key: 'later' }, { runAt: clock.nowMs() + 3_600_000 }),
    );
    const w = worker(def);
    assert.equal(await w.runDue(), 0);
    clock.advance(3_600_000);
    assert.equal(await w.runDue(), 1);
  });

  it('de-duplicates by key while a job is pending, and accepts the key again once it is done', async () => {
    const def = recordJob('w1');
    for (let i = 0; i < 3; i++) {
      await inTransaction(t.database.db, (tx) =>
        queue.enqueue(tx, def, { key: 'dup' }, { dedupeKey: 'dup' }),
      );
    }
    assert.equal((await jobRows(t)).length, 1);
    await worker(def).runDue();
    await sql`delete from job_effects`.execute(t.database.db);
    await inTransaction(t.database.db, (tx) => queue.enqueue(tx, def, { key: 'dup' }, { dedupeKey: 'dup' }));
    assert.equal((await jobRows(t)).filter((j) => j.status === 'pending').length, 1);
  });

  it('wakes an idle worker as soon as an enqueue commits', async () => {
    const def = recordJob('w1');
    const w = worker(def);
    w.start();
    try {
      await enqueueMany(t, queue, def, ['woken']);
      await waitFor(async () => (await effects(t)).length === 1, 5_000);
    } finally {
      await w.stop();
    }
  });

  it('picks up a job whose worker process was killed mid-run, after its lease, and runs it once in effect', async () => {
    const def = recordJob('crashed');
    await enqueueMany(t, new JobQueue(clock), def, ['crash']);
    const hangFile = path.join(t.dataDir, 'hang');
    const child = spawnWorker(t, { JOB_WORKER: 'crashed', JOB_LEASE_MS: '1000', JOB_HANG_FILE: hangFile });
    try {
      await waitFor(() => fs.existsSync(hangFile));
      child.kill('SIGKILL');
      await exited(child);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    let [job] = await jobRows(t);
    assert.equal(job?.status, 'running', 'the dead worker still holds the job');
    assert.deepEqual(await effects(t), [], 'its uncommitted work is gone');

    const restarted = new JobWorker(t.database, new ManualClock(Date.now() + 3_600_000), queue, silent, {
      id: 'restarted',
    });
    restarted.register(recordJob('restarted'));
    await waitFor(async () => (await restarted.runDue()) > 0, 10_000);
    [job] = await jobRows(t);
    assert.equal(job?.status, 'done');
    assert.equal(job?.attempts, 2);
    assert.deepEqual(await effects(t), [{ job_key: 'crash', worker: 'restarted', runs: 1 }]);
  });

  it('with two worker processes, runs every job exactly once', { timeout: 120_000 }, async () => {
    const def = recordJob('parent');
    const keys = Array.from({ length: 300 }, (_, i) => `k${String(i).padStart(3, '0')}`);
    await enqueueMany(t, new JobQueue(clock), def, keys);
    const go = path.join(t.dataDir, 'go');
    const children = ['A', 'B'].map((id) =>
      spawnWorker(t, { JOB_WORKER: id, JOB_GO_FILE: go, JOB_DELAY_MS: '2' }),
    );
    await waitFor(() => fs.existsSync(`${go}.A.ready`) && fs.existsSync(`${go}.B.ready`), 60_000);
    fs.writeFileSync(go, '');
    const codes = await Promise.all(children.map(exited));
    assert.deepEqual(codes, [0, 0]);
    const rows = await effects(t);
    assert.equal(rows.length, keys.length, 'every job ran');
    assert.ok(
      rows.every((r) => r.runs === 1),
      'no job took effect twice',
    );
    const jobs = await jobRows(t);
    assert.ok(jobs.every((j) => j.status === 'done'));
    // On PostgreSQL both claim side by side (SKIP LOCKED). SQLite has one writer at a time, and the
    // busy one tends to keep the lock, so sharing there is not guaranteed (only exactly-once is).
    if (DIALECT === 'postgres') {
      const byWorker = new Set(rows.map((r) => r.worker));
      assert.ok(
        byWorker.has('A') && byWorker.has('B'),
        `both workers took jobs (${[...byWorker].join(', ')})`,
      );
    }
  });
});
