import net from 'node:net';

/**
 * HTTP over a bare socket, for what no client library lets a test do: send headers and part of a
 * body and stop, stream a body slowly, or see exactly when and how the server closes.
 */
export interface RawExchange {
  /** Everything the server sent. */
  readonly received: string;
  /**
   * 'closed': the server ended the connection; 'reset': it was reset; 'answered': the expected
   * responses arrived (the connection may stay open); 'open': still open at the deadline.
   */
  readonly outcome: 'closed' | 'reset' | 'answered' | 'open';
  /** When the first byte of the answer arrived, and when the connection ended (ms from the start). */
  readonly firstByteMs: number | undefined;
  readonly endedMs: number | undefined;
}

export interface RawOptions {
  /** Stop waiting after this long. */
  readonly deadlineMs: number;
  /** Written after the first part, one by one, `intervalMs` apart (a slow client). */
  readonly more?: readonly (string | Buffer)[];
  readonly intervalMs?: number;
  /** Stop writing as soon as any answer arrives (a client that reads while it sends). */
  readonly stopOnAnswer?: boolean;
  /** Stop waiting once this many complete responses (interim ones included) have arrived. */
  readonly responses?: number;
}

export function rawExchange(port: number, first: string | Buffer, options: RawOptions): Promise<RawExchange> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = net.connect(port, '127.0.0.1');
    let received = '';
    let firstByteMs: number | undefined;
    let done = false;
    const timers: NodeJS.Timeout[] = [];
    const finish = (outcome: RawExchange['outcome']) => {
      if (done) return;
      done = true;
      for (const t of timers) clearTimeout(t);
      const endedMs = outcome === 'open' || outcome === 'answered' ? undefined : performance.now() - started;
      socket.destroy();
      resolve({ received, outcome, firstByteMs, endedMs });
    };
    socket.on('data', (d: Buffer) => {
      firstByteMs ??= performance.now() - started;
      received += d.toString('utf8');
      if (options.responses !== undefined && parseResponses(received).length >= options.responses) {
        finish('answered');
      }
    });
    socket.on('end', () => finish('closed'));
    socket.on('close', () => finish('closed'));
    socket.on('error', (err: NodeJS.ErrnoException) =>
      finish(err.code === 'ECONNRESET' || err.code === 'EPIPE' ? 'reset' : 'closed'),
    );
    socket.on('connect', () => {
      socket.write(first);
      (options.more ?? []).forEach((part, i) => {
        timers.push(
          setTimeout(
            () => {
              if (done || (options.stopOnAnswer && firstByteMs !== undefined)) return;
              socket.write(part);
            },
            (i + 1) * (options.intervalMs ?? 0),
          ),
        );
      });
    });
    timers.push(setTimeout(() => finish('open'), options.deadlineMs));
  });
}

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: string;
}

/** The responses in what a raw exchange received (interim 1xx ones included), in order. */
export function parseResponses(received: string): RawResponse[] {
  const responses: RawResponse[] = [];
  let rest = received;
  while (rest.startsWith('HTTP/1.1 ')) {
    const headEnd = rest.indexOf('\r\n\r\n');
    if (headEnd < 0) break;
    const [statusLine = '', ...lines] = rest.slice(0, headEnd).split('\r\n');
    const headers: Record<string, string> = {};
    for (const line of lines) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length'] ?? 0);
    const body = rest.slice(headEnd + 4, headEnd + 4 + length);
    responses.push({ status: Number(statusLine.split(' ')[1]), headers, body });
    rest = rest.slice(headEnd + 4 + length);
  }
  return responses;
}

export function basicHeader(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}
