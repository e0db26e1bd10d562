import { createPublicKey, X509Certificate } from 'node:crypto';

/**
 * A public key as customers supply it for certificate pinning (Bandwidth: "encode your
 * .DER/.CER/.CRT public key with a Base64 encoder"): base64 of a DER certificate or of a DER
 * SubjectPublicKeyInfo, or PEM text of either (itself possibly base64-encoded). Answers the key as
 * DER SubjectPublicKeyInfo, the form a peer certificate's key is compared in; undefined when unreadable.
 */
export function spkiOf(supplied: string): Buffer | undefined {
  const candidates: Buffer[] = [];
  const trimmed = supplied.trim();
  if (trimmed.includes('-----BEGIN')) candidates.push(Buffer.from(trimmed));
  else if (/^[A-Za-z0-9+/=\s_-]+$/.test(trimmed)) {
    const raw = Buffer.from(trimmed.replace(/\s+/g, ''), 'base64');
    candidates.push(raw);
    if (raw.toString('latin1').includes('-----BEGIN')) candidates.push(Buffer.from(raw.toString('latin1')));
  }
  for (const bytes of candidates) {
    const key = readKey(bytes);
    if (key) return key;
  }
  return undefined;
}

function readKey(bytes: Buffer): Buffer | undefined {
  if (bytes.length === 0) return undefined;
  try {
    return new X509Certificate(bytes).publicKey.export({ type: 'spki', format: 'der' });
  } catch {
    // not a certificate: try a bare public key
  }
  try {
    const pem = bytes.toString('latin1').includes('-----BEGIN');
    const key = pem
      ? createPublicKey(bytes.toString('latin1'))
      : createPublicKey({ key: bytes, format: 'der', type: 'spki' });
    return key.export({ type: 'spki', format: 'der' });
  } catch {
    return undefined;
  }
}

/** The key a peer's certificate (DER) carries, as DER SubjectPublicKeyInfo. */
export function spkiOfCertificate(raw: Buffer): Buffer {
  return new X509Certificate(raw).publicKey.export({ type: 'spki', format: 'der' });
}
