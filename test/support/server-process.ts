import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/platform/project-root.js';

/**
 * The real server, started as a user starts it (`node dist/src/cli/main.js serve`, built by
 * `npm test`), on a free port and a throwaway data directory, or on TEST_DATABASE_URL's server.
 */
export interface ServerProcess {
  readonly baseUrl: string;
  readonly child: ChildProcess;
  readonly output: () => string;
  stop(): Promise<void>;
}

export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const root = projectRoot();
  const entry = path.join(root, 'dist', 'src', 'cli', 'main.js');
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run npm run build (npm test does)`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bwdash-server-'));
  const child = spawn(process.execPath, [entry, 'serve'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // A small demo inventory keeps start-up quick; searches still find numbers everywhere.
      INVENTORY_SIZE: '20k',
      DATABASE_URL: env.DATABASE_URL ?? '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    child.stdout?.on('data', () => {
      const m = /API:\s+(http:\/\/\S+)\/api/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1].replace('localhost', '127.0.0.1'));
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  return {
    baseUrl,
    child,
    output: () => out,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const done = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await done;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
