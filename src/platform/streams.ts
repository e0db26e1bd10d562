import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';

/**
 * Writes with back-pressure: waits for the stream to drain when its buffer is full. A stream that
 * failed (storing a part, a lost lease) makes the write throw, never wait for ever.
 */
export async function put(out: Writable, chunk: string | Buffer): Promise<void> {
  if (out.errored) throw out.errored;
  // `once` rejects when the stream emits 'error' while we wait.
  if (!out.write(chunk)) await once(out, 'drain');
}

/** Ends the stream and waits until everything written has been taken (or throws why it failed). */
export async function finish(out: Writable): Promise<void> {
  if (out.errored) throw out.errored;
  out.end();
  await finished(out);
}

/** Lets other work (HTTP requests) in: reads on SQLite resolve without I/O, so a long loop would starve them. */
export const yieldToOthers = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
