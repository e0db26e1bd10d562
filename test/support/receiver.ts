import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { projectRoot } from '../../src/platform/project-root.js';
import { parseLoose } from './harness.js';

/**
 * A real HTTP(S) receiver of notification callbacks on loopback: it records every request and
 * answers as the test says (`respond`), 200 by default. Tests assert on what actually arrived.
 */
export interface Received {
  readonly path: string;
  readonly headers: http.IncomingHttpHeaders;
  readonly body: string;
  readonly xml: Record<string, unknown>;
  readonly at: number;
}

export type Responder = (
  req: Received,
  n: number,
) => { status: number; headers?: Record<string, string>; body?: string } | 'hang';

export interface Receiver {
  readonly url: string;
  readonly received: Received[];
  respond: Responder;
  /** Resolves once `n` requests have arrived (or rejects after `ms`). */
  waitFor(n: number, ms?: number): Promise<Received[]>;
  close(): Promise<void>;
}

export const FIXTURES = () => path.join(projectRoot(), 'test', 'fixtures');

export async function startReceiver(options: { tls?: 'receiver' | 'other' } = {}): Promise<Receiver> {
  const received: Received[] = [];
  const waiters: { n: number; resolve: () => void }[] = [];
  const hanging: http.ServerResponse[] = [];
  const receiver: Receiver = {
    url: '',
    received,
    respond: () => ({ status: 200 }),
    waitFor(n, ms = 10_000) {
      if (received.length >= n) return Promise.resolve(received.slice());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`only ${received.length} of ${n} requests arrived`)),
          ms,
        );
        waiters.push({
          n,
          resolve: () => {
            clearTimeout(timer);
            resolve(received.slice());
          },
        });
      });
    },
    async close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const handler: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const r: Received = {
        path: req.url ?? '',
        headers: req.headers,
        body,
        xml: parseLoose(body),
        at: Date.now(),
      };
      received.push(r);
      const answer = receiver.respond(r, received.length);
      for (const w of waiters.filter((w) => received.length >= w.n)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
      if (answer === 'hang') {
        hanging.push(res);
        return;
      }
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body ?? '');
    });
  };
  const server = options.tls
    ? https.createServer(
        {
          key: fs.readFileSync(path.join(FIXTURES(), `${options.tls}-key.pem`)),
          cert: fs.readFileSync(path.join(FIXTURES(), `${options.tls}-cert.pem`)),
        },
        handler,
      )
    : http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  (receiver as { url: string }).url = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  return receiver;
}

/** The base64 DER of a fixture certificate: the form Bandwidth asks for as PublicKey. */
export function certificateBase64(name: 'receiver' | 'other'): string {
  const pem = fs.readFileSync(path.join(FIXTURES(), `${name}-cert.pem`), 'utf8');
  return pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
}
