import archiver from 'archiver';
import { PassThrough, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * A ZIP file written to `out` as it is made (archiver), one entry after another: small entries from
 * strings, large ones streamed with back-pressure. When the ZIP or `out` fails (a file store that
 * cannot write, a lost lease), the entry being written fails too, so its writer stops instead of
 * waiting for ever for room.
 */
export interface ZipWriter {
  add(name: string, content: string): void;
  /** A stream for the next entry: write it (with `put`), then end it before opening another. */
  entry(name: string): PassThrough;
  /** Writes the ZIP's directory and waits until `out` has everything (or throws why it failed). */
  finish(): Promise<void>;
}

export function zipTo(out: Writable, level = 6): ZipWriter {
  const zip = archiver('zip', { zlib: { level } });
  let current: PassThrough | undefined;
  const piped = pipeline(zip, out);
  piped.catch((err: unknown) => current?.destroy(err instanceof Error ? err : new Error(String(err))));
  return {
    add: (name, content) => void zip.append(content, { name }),
    entry(name) {
      current = new PassThrough();
      zip.append(current, { name });
      return current;
    },
    async finish() {
      await zip.finalize();
      await piped;
    },
  };
}
