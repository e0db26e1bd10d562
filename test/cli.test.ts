import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { projectRoot } from '../src/platform/project-root.js';
import { createTestDatabase, TEST_PG_URL, type TestDatabase } from './support/databases.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';

const run = promisify(execFile);
const CLI = path.join(projectRoot(), 'dist', 'src', 'cli', 'main.js');

/** The admin CLI (`bwdash`, built by npm test) against the database a server uses. */
describe('the bwdash admin CLI', () => {
  let dataDir: string;
  let db: TestDatabase | undefined;
  let env: NodeJS.ProcessEnv;

  before(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bwdash-cli-'));
    if (TEST_PG_URL) db = await createTestDatabase();
    env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: db?.url ?? '', LOG_LEVEL: 'silent' };
  });
  after(async () => {
    await db?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const bwdash = async (...args: string[]) => (await run(process.execPath, [CLI, ...args], { env })).stdout;

  it(
    'creates an account and a user with roles, grants, resets a password and lists them',
    { timeout: 120_000 },
    async () => {
      assert.match(
        await bwdash('account', 'create', '--name', 'Acme Telecom', '--id', '9900100'),
        /account 9900100 created/,
      );
      assert.match(await bwdash('account', 'create', '--name', 'Second Co'), /account 9900101 created/);
      await assert.rejects(bwdash('account', 'create', '--name', 'Dup', '--id', '9900100'), /already exists/);
      assert.match(await bwdash('account', 'list'), /9900100 {2}Acme Telecom/);

      const created = await bwdash(
        'user',
        'create',
        'alice',
        '--password',
        's3cret!',
        '--accounts',
        '9900100',
        '--roles',
        'ROLE_API_SITE:VIEW',
      );
      assert.match(created, /alice {2}accounts: 9900100/);
      assert.match(created, /ROLE_API_SITE:VIEW\b/);
      await assert.rejects(
        bwdash('user', 'create', 'bob', '--password', 'x', '--accounts', '1'),
        /account 1 does not exist/,
      );
      await assert.rejects(
        bwdash('user', 'create', 'bob', '--password', 'x', '--roles', 'ROLE_NOPE'),
        /unknown role/,
      );

      const granted = await bwdash(
        'user',
        'grant',
        'alice',
        '--accounts',
        '9900101',
        '--roles',
        'ROLE_API_ACCOUNT:VIEW+UPDATE',
      );
      assert.match(granted, /accounts: 9900100, 9900101/);
      assert.match(granted, /ROLE_API_ACCOUNT:VIEW\+UPDATE/);
      assert.match(await bwdash('user', 'password', 'alice', '--password', 'n3w-s3cret'), /reset/);
      assert.match(await bwdash('user', 'list'), /alice/);
    },
  );

  it('shows the effective configuration without secrets', async () => {
    const config = JSON.parse(await bwdash('config')) as { port: number; demo: { password: string } };
    assert.equal(config.port, 8080);
    assert.equal(config.demo.password, '***');
  });

  it(
    'a server on the same data sees what the CLI made: the new user can sign in',
    { timeout: 120_000 },
    async () => {
      let server: ServerProcess | undefined;
      try {
        server = await startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: db?.url ?? '', DEMO: 'false' });
        const auth = (p: string) => ({
          authorization: `Basic ${Buffer.from(`alice:${p}`).toString('base64')}`,
        });
        assert.equal(
          (await fetch(`${server.baseUrl}/api/accounts/9900101`, { headers: auth('n3w-s3cret') })).status,
          200,
        );
        assert.equal(
          (await fetch(`${server.baseUrl}/api/accounts/9900101`, { headers: auth('s3cret!') })).status,
          401,
        );
        // VIEW only on sites: reading is allowed, creating is not.
        assert.equal(
          (await fetch(`${server.baseUrl}/api/accounts/9900100/sites`, { headers: auth('n3w-s3cret') }))
            .status,
          200,
        );
        const post = await fetch(`${server.baseUrl}/api/accounts/9900100/sites`, {
          method: 'POST',
          headers: { ...auth('n3w-s3cret'), 'content-type': 'application/xml' },
          body: '<Site><Name>x</Name></Site>',
        });
        assert.equal(post.status, 403);
        // With the demo switched off, there is no demo user.
        const demo = await fetch(`${server.baseUrl}/api/accounts/9900000`, {
          headers: { authorization: `Basic ${Buffer.from('demo:demo').toString('base64')}` },
        });
        assert.equal(demo.status, 401);
      } finally {
        await server?.stop();
      }
    },
  );
});
