import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Encrypts the secrets the server must give back to a third party (a callback's Basic password, a
 * signing secret), which cannot be hashed: AES-256-GCM under the server key. Stored form:
 * `v1.<iv b64>.<tag b64>.<ciphertext b64>`. The key is SECRET_KEY (any string, hashed to 32 bytes),
 * or a random key generated once into the data directory; several instances must share one.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(secret: string) {
    if (secret.length < 16) throw new Error('SECRET_KEY must be at least 16 characters');
    this.key = createHash('sha256').update(secret).digest();
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [
      'v1',
      iv.toString('base64'),
      cipher.getAuthTag().toString('base64'),
      body.toString('base64'),
    ].join('.');
  }

  open(sealed: string): string {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed secret');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
  }
}

/** The configured key, or the data directory's `secret.key`, created (mode 0600) on first start. */
export function loadSecretBox(configured: string | undefined, dataDir: string): SecretBox {
  if (configured) return new SecretBox(configured);
  const file = path.join(dataDir, 'secret.key');
  try {
    return new SecretBox(fs.readFileSync(file, 'utf8').trim());
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const generated = randomBytes(32).toString('base64url');
  // Written whole to a file of our own, then linked into place: of two processes starting at once,
  // the first link wins and neither ever reads a half-written key.
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  fs.writeFileSync(temp, `${generated}\n`, { mode: 0o600 });
  try {
    fs.linkSync(temp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  } finally {
    fs.unlinkSync(temp);
  }
  return new SecretBox(fs.readFileSync(file, 'utf8').trim());
}
