import { createHmac } from 'node:crypto';
import dns from 'node:dns';
import http, { STATUS_CODES } from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import { wallClockMs } from '../../platform/clock.js';
import { bareHost, isPrivateAddress } from '../../platform/security/addresses.js';
import { spkiOf, spkiOfCertificate } from '../../platform/security/public-key.js';

/**
 * One attempt of an order notification callback (contract §11): a POST of the Notification XML, first
 * without credentials and, on a 401 with a Basic challenge, again with them. 2xx within the timeout
 * is success. Beyond Bandwidth: an `X-Notification-Id` the receiver can de-duplicate on, an HMAC
 * signature when the subscription has a signing secret, certificate pinning when it has a public
 * key, and (optionally) no calls to private addresses.
 */
export interface CallbackRequest {
  readonly url: string;
  readonly body: string;
  readonly notificationId: string;
  readonly username?: string | undefined;
  readonly password?: string | undefined;
  /** Pins the receiver's certificate key (https only). */
  readonly publicKey?: string | undefined;
  readonly signingSecret?: string | undefined;
  /** Overrides the sender's timeout (a port-out validation waits 30 s). */
  readonly timeoutMs?: number | undefined;
  /** Send the credentials at once instead of waiting for a challenge. */
  readonly preemptiveAuth?: boolean | undefined;
}

export interface AttemptResult {
  readonly delivered: boolean;
  readonly statusCode: number | undefined;
  /** What the subscription's Status shows: "200 OK", "503 Service Unavailable", "timed out after 10000 ms". */
  readonly summary: string;
  readonly error: string | undefined;
  readonly excerpt: string | undefined;
  readonly durationMs: number;
  /** What the target answered, whole (up to 64 KB), for callers that read the answer. */
  readonly response?: string | undefined;
  /** No answer within the timeout. */
  readonly timedOut?: boolean | undefined;
}

export interface CallbackSenderOptions {
  readonly timeoutMs: number;
  readonly allowPrivate: boolean;
  /** Connections kept per host (the dispatcher also limits sends per host). */
  readonly perHost: number;
}

const EXCERPT_CHARS = 512;
const MAX_RESPONSE_BYTES = 64 * 1024;

export const SIGNATURE_HEADER = 'x-notification-signature';
export const TIMESTAMP_HEADER = 'x-notification-timestamp';

/** The signature of a body: hex HMAC-SHA256 of `<timestamp>.<body>` under the subscription's secret. */
export function signatureOf(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

class RefusedTarget extends Error {}

/** An attempt that reached its target; `excerpt` is what the target answered. */
export function deliveredAttempt(
  summary: string,
  excerpt: string | undefined,
  durationMs: number,
): AttemptResult {
  return { delivered: true, statusCode: undefined, summary, error: undefined, excerpt, durationMs };
}

/** An attempt that failed before or without an HTTP answer. */
export function failedAttempt(message: string, durationMs = 0): AttemptResult {
  return {
    delivered: false,
    statusCode: undefined,
    summary: message,
    error: message,
    excerpt: undefined,
    durationMs,
  };
}

export class CallbackSender {
  private readonly httpAgent: http.Agent;
  private readonly httpsAgent: https.Agent;

  constructor(private readonly options: CallbackSenderOptions) {
    const lookup = this.lookup.bind(this);
    this.httpAgent = new http.Agent({
      keepAlive: true,
      maxSockets: options.perHost,
      lookup,
    });
    this.httpsAgent = new https.Agent({
      keepAlive: true,
      maxSockets: options.perHost,
      lookup,
    });
  }

  async send(req: CallbackRequest): Promise<AttemptResult> {
    const started = wallClockMs();
    const timeoutMs = req.timeoutMs ?? this.options.timeoutMs;
    const deadline = AbortSignal.timeout(timeoutMs);
    const elapsed = () => Math.max(0, Math.round(wallClockMs() - started));
    try {
      const url = new URL(req.url);
      if (!this.options.allowPrivate && net.isIP(bareHost(url))) this.refuseAddress(bareHost(url));
      const auth =
        req.username && req.password
          ? `Basic ${Buffer.from(`${req.username}:${req.password}`).toString('base64')}`
          : undefined;
      let res = await this.post(url, req, req.preemptiveAuth ? auth : undefined, deadline);
      if (!req.preemptiveAuth && auth && res.status === 401 && /^\s*basic\b/i.test(res.challenge ?? '')) {
        res = await this.post(url, req, auth, deadline);
      }
      const delivered = res.status >= 200 && res.status < 300;
      return {
        delivered,
        statusCode: res.status,
        summary: `${res.status} ${STATUS_CODES[res.status] ?? ''}`.trim(),
        error: delivered ? undefined : `receiver answered ${res.status}`,
        excerpt: res.text ? res.text.slice(0, EXCERPT_CHARS) : undefined,
        response: res.text,
        durationMs: elapsed(),
      };
    } catch (err) {
      if (deadline.aborted)
        return { ...failedAttempt(`timed out after ${timeoutMs} ms`, elapsed()), timedOut: true };
      return failedAttempt(errorText(err), elapsed());
    }
  }

  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  private async post(
    url: URL,
    req: CallbackRequest,
    authorization: string | undefined,
    signal: AbortSignal,
  ): Promise<{ status: number; challenge: string | undefined; text: string | undefined }> {
    const headers: Record<string, string> = {
      'content-type': 'application/xml; charset=utf-8',
      'content-length': String(Buffer.byteLength(req.body)),
      'user-agent': 'bwdash-notifications/1',
      'x-notification-id': req.notificationId,
    };
    if (authorization) headers.authorization = authorization;
    if (req.signingSecret) {
      const timestamp = String(Math.floor(wallClockMs() / 1000));
      headers[TIMESTAMP_HEADER] = timestamp;
      headers[SIGNATURE_HEADER] = `v1=${signatureOf(req.signingSecret, timestamp, req.body)}`;
    }
    const secure = url.protocol === 'https:';
    const port = Number(url.port || (secure ? 443 : 80));
    const hostname = bareHost(url);
    const base = {
      method: 'POST',
      host: hostname,
      port,
      path: `${url.pathname}${url.search}`,
      headers,
      signal,
    };
    let request: http.ClientRequest;
    if (secure && req.publicKey) {
      const socket = await this.pinnedSocket(hostname, port, req.publicKey, signal);
      request = http.request({ ...base, createConnection: () => socket });
    } else if (secure) {
      request = https.request({
        ...base,
        agent: this.httpsAgent,
        servername: net.isIP(hostname) ? undefined : hostname,
      });
    } else {
      request = http.request({ ...base, agent: this.httpAgent });
    }
    return new Promise((resolve, reject) => {
      request.on('error', reject);
      request.on('response', (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_RESPONSE_BYTES) chunks.push(chunk);
          else res.destroy();
        });
        const done = () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const challenge = res.headers['www-authenticate'];
          resolve({
            status: res.statusCode ?? 0,
            challenge: Array.isArray(challenge) ? challenge.join(', ') : challenge,
            text: text || undefined,
          });
        };
        res.on('end', done);
        res.on('close', done);
        res.on('error', reject);
      });
      request.end(req.body);
    });
  }

  /** A TLS connection whose peer certificate carries the pinned key (the key is the trust, not a CA). */
  private pinnedSocket(
    host: string,
    port: number,
    publicKey: string,
    signal: AbortSignal,
  ): Promise<tls.TLSSocket> {
    const pinned = spkiOf(publicKey);
    return new Promise((resolve, reject) => {
      if (!pinned) return reject(new Error('the subscription public key cannot be read'));
      if (signal.aborted) return reject(new Error('aborted'));
      const socket = tls.connect({
        host,
        port,
        servername: net.isIP(host) ? undefined : host,
        rejectUnauthorized: false,
        lookup: this.lookup.bind(this),
      } as tls.ConnectionOptions);
      const abort = () => socket.destroy(new Error('aborted'));
      signal.addEventListener('abort', abort, { once: true });
      socket.once('error', reject);
      socket.once('secureConnect', () => {
        signal.removeEventListener('abort', abort);
        const cert = socket.getPeerCertificate();
        if (!cert?.raw || !spkiOfCertificate(cert.raw).equals(pinned)) {
          socket.destroy();
          return reject(new Error("the receiver's certificate does not carry the subscription's public key"));
        }
        resolve(socket);
      });
    });
  }

  /** DNS resolution that, with private targets refused, refuses every private address it finds. */
  private lookup(
    hostname: string,
    options: dns.LookupOptions,
    callback: (
      err: NodeJS.ErrnoException | null,
      address: string | dns.LookupAddress[],
      family?: number,
    ) => void,
  ): void {
    dns.lookup(hostname, { ...options }, (err, address, family) => {
      if (err) return callback(err, address, family);
      try {
        if (!this.options.allowPrivate) {
          const list = Array.isArray(address) ? address.map((a) => a.address) : [address];
          for (const a of list) this.refuseAddress(a);
        }
      } catch (refused) {
        return callback(refused as NodeJS.ErrnoException, address, family);
      }
      callback(null, address, family);
    });
  }

  private refuseAddress(address: string): void {
    if (isPrivateAddress(address)) {
      throw new RefusedTarget(
        `callbacks to private address ${address} are refused (CALLBACK_ALLOW_PRIVATE=false)`,
      );
    }
  }
}

/** An error as the delivery log shows it: its message, and its code when the message lacks it. */
function errorText(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const code = (err as NodeJS.ErrnoException).code;
  return code && !err.message.includes(code) ? `${err.message} (${code})` : err.message;
}
