import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import {
  notificationHelpers,
  startNotificationHarness,
} from '../src/features/notifications/notifications.fixtures.js';
import { projectRoot } from '../src/platform/project-root.js';
import type { Harness } from './support/harness.js';
import { startReceiver, type Receiver } from './support/receiver.js';

const run = promisify(execFile);
const CLI = path.join(projectRoot(), 'dist', 'src', 'cli', 'main.js');

/** `bwdash deliveries` and `bwdash subscription sign` (built by npm test) on a server's database. */
describe('the bwdash delivery log commands', () => {
  let h: Harness;
  let rx: Receiver;
  const n = notificationHelpers(() => h);
  let env: NodeJS.ProcessEnv;
  before(async () => {
    h = await startNotificationHarness();
    rx = await startReceiver();
    env = {
      ...process.env,
      DATA_DIR: h.db.dataDir,
      DATABASE_URL: h.db.database.dialect === 'postgres' ? h.db.url : '',
      LOG_LEVEL: 'silent',
    };
  });
  after(async () => {
    await rx.close();
    await h.close();
  });
  const bwdash = async (...args: string[]) => (await run(process.execPath, [CLI, ...args], { env })).stdout;

  it('lists, shows and replays deliveries, and sets a signing secret', { timeout: 60_000 }, async () => {
    const sub = await n.callback(`${rx.url}/cli`);
    rx.respond = () => ({ status: 502, body: 'bad gateway' });
    const { id } = await n.order(1);
    for (let i = 0; i < 8; i++) {
      await n.deliver();
      h.clock.advance(10 * 60_000);
    }
    const [d] = await n.deliveries(sub);
    assert.equal(d?.status, 'failed');

    const failed = await bwdash('deliveries', 'list', '--failed');
    assert.match(
      failed,
      new RegExp(
        `^${d?.id}  \\S+  failed +callback +attempts 8  127\\.0\\.0\\.1:\\d+  orders ${id} COMPLETE`,
        'm',
      ),
    );
    assert.match(await bwdash('deliveries', 'list', '--subscription', sub), new RegExp(`^${d?.id} `, 'm'));
    assert.match(
      await bwdash('deliveries', 'list', '--subscription', '00000000-0000-4000-8000-000000000000'),
      /\(no deliveries\)/,
    );

    const shown = await bwdash('deliveries', 'show', String(d?.id));
    assert.match(shown, /attempt 1 .* failed {2}502 /);
    assert.match(shown, /attempt 8 .* failed {2}502 /);
    assert.match(shown, /response: bad gateway/);

    rx.respond = () => ({ status: 200 });
    assert.match(
      await bwdash('deliveries', 'replay', String(d?.id)),
      /delivery \d+ created \(replay of \d+\)/,
    );
    // The CLI's clock is the real one (the harness's manual clock lives in this process only).
    h.clock.set(Date.now() + 1_000);
    await n.deliver();
    assert.equal(rx.received.length, 9);
    assert.equal(rx.received.at(-1)?.headers['x-notification-id'], d?.notification_id);
    await assert.rejects(bwdash('deliveries', 'show', '999999'), /no delivery 999999/);

    const signed = await bwdash('subscription', 'sign', sub);
    const secret = /signing secret: (\S+)/.exec(signed)?.[1];
    assert.ok(secret && secret.length >= 16);
    await n.note(id, 'signed now');
    await n.deliver();
    assert.equal(rx.received.length, 10);
    assert.match(String(rx.received.at(-1)?.headers['x-notification-signature']), /^v1=[0-9a-f]{64}$/);
  });
});
