import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { projectRoot } from '../project-root.js';
import { spkiOf, spkiOfCertificate } from './public-key.js';
import { loadSecretBox, SecretBox } from './secret-box.js';

describe('the secret box', () => {
  it('seals and opens, with a fresh nonce each time, and refuses tampering or another key', () => {
    const box = new SecretBox('a key of at least sixteen characters');
    const a = box.seal('p4ss word');
    assert.notEqual(a, box.seal('p4ss word'));
    assert.doesNotMatch(a, /p4ss/);
    assert.equal(box.open(a), 'p4ss word');
    const [v, iv, tag, body = ''] = a.split('.');
    assert.throws(() => box.open([v, iv, tag, `${body.slice(0, -2)}AA`].join('.')));
    assert.throws(() => new SecretBox('another key, also long enough').open(a));
    assert.throws(() => new SecretBox('short'));
  });

  it('generates a key into the data directory once, and keeps it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bwdash-key-'));
    try {
      const sealed = loadSecretBox(undefined, dir).seal('kept');
      assert.equal(loadSecretBox(undefined, dir).open(sealed), 'kept');
      assert.equal(fs.statSync(path.join(dir, 'secret.key')).mode & 0o777, 0o600);
      assert.throws(() => loadSecretBox('configured key, long enough', dir).open(sealed));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('public keys for pinning', () => {
  const pem = fs.readFileSync(path.join(projectRoot(), 'test', 'fixtures', 'receiver-cert.pem'), 'utf8');
  const der = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  const expected = spkiOfCertificate(der);

  it('reads a certificate as base64 DER, as PEM, and as base64 of PEM, and a bare public key', () => {
    assert.deepEqual(spkiOf(der.toString('base64')), expected);
    assert.deepEqual(spkiOf(pem), expected);
    assert.deepEqual(spkiOf(Buffer.from(pem).toString('base64')), expected);
    assert.deepEqual(spkiOf(expected.toString('base64')), expected);
  });

  it('answers undefined for anything else', () => {
    for (const bad of [
      '',
      'bm90IGEga2V5',
      'not base64 at all!',
      '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
    ]) {
      assert.equal(spkiOf(bad), undefined, bad);
    }
  });
});
