/** SIP credentials: every rejected entry and request body, with its error code. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { at, errorCode, startHarness, type Harness } from '../../../test/support/harness.js';
import { CREDS, type Fields, batch, list } from './sip-credentials.fixtures.js';

describe('SIP credentials: validation', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const invalid: [string, Fields, string][] = [
    ['a missing UserName', { Domain: 'bw.com', Hash1: 'a', Hash1b: 'b' }, '1003'],
    ['an empty UserName', { UserName: '  ', Hash1: 'a' }, '1003'],
    ['a UserName over 32 characters', { UserName: 'u'.repeat(33), Hash1: 'a' }, '23002'],
    [
      'a Domain over 32 characters',
      { UserName: 'long', Domain: 'd'.repeat(33), Hash1: 'a', Hash1b: 'b' },
      '23002',
    ],
    ['a missing Hash1', { UserName: 'nohash', Domain: 'bw.com', Hash1b: 'b' }, '1003'],
    ['a Hash1 over 64 characters', { UserName: 'longhash', Hash1: 'a'.repeat(65) }, '23002'],
    ['a Hash1b over 64 characters', { UserName: 'longhashb', Hash1: 'a', Hash1b: 'b'.repeat(65) }, '23002'],
    ['a Domain without Hash1b', { UserName: 'nohashb', Domain: 'bw.com', Hash1: 'a' }, '1003'],
    ['a UserName with a space', { UserName: 'bob smith', Hash1: 'a' }, '23014'],
    ['a UserName with a slash', { UserName: 'bob/x', Domain: 'bw.com', Hash1: 'a', Hash1b: 'b' }, '23014'],
    [
      'a UserName with an @ when a Domain is given',
      { UserName: 'bob@x.com', Domain: 'bw.com', Hash1: 'a', Hash1b: 'b' },
      '23014',
    ],
    ['a UserName with two @', { UserName: 'bob@x@y', Hash1: 'a' }, '23014'],
    ['a non-ASCII UserName', { UserName: 'jos\u00e9', Hash1: 'a' }, '23014'],
    ['a Domain with a colon', { UserName: 'colon', Domain: 'bw.com:5060', Hash1: 'a', Hash1b: 'b' }, '23015'],
    ['a Domain with an @', { UserName: 'at', Domain: 'b@w.com', Hash1: 'a', Hash1b: 'b' }, '23015'],
  ];
  for (const [name, fields, code] of invalid) {
    it(`rejects ${name} with ${code}, echoing the entry`, async () => {
      const res = await h.post(CREDS, batch(fields));
      assert.equal(res.status, 400, res.body);
      const errors = list(at(res.xml, 'SipCredentialsResponse', 'Errors', 'Error'));
      assert.equal(errors.length, 1);
      assert.equal(errors[0]?.ErrorCode, code);
      const echoed = errors[0]?.SipCredential as Record<string, string>;
      for (const [k, v] of Object.entries(fields)) if (v.trim() !== '') assert.equal(echoed[k], v);
    });
  }

  it('names the limit in the 23002 description', async () => {
    const res = await h.post(CREDS, batch({ UserName: 'u'.repeat(33), Hash1: 'a' }));
    assert.equal(
      at(res.xml, 'SipCredentialsResponse', 'Errors', 'Error', 'Description'),
      `UserName '${'u'.repeat(33)}' is too long (32 characters max)`,
    );
  });

  it('refuses an empty list with 23006', async () => {
    for (const body of ['<SipCredentials/>', '<SipCredentials></SipCredentials>']) {
      const res = await h.post(CREDS, body);
      assert.equal(res.status, 400, res.body);
      assert.deepEqual(at(res.xml, 'SipCredentialsResponse', 'ResponseStatus'), {
        ErrorCode: '23006',
        Description: 'Credential list cannot be empty',
      });
    }
  });

  it('refuses more than 1000 entries with 23003 and stores none of them', async () => {
    const entries = Array.from({ length: 1001 }, (_, i) => ({ UserName: `bulk${i}`, Hash1: 'h' }));
    const res = await h.post(CREDS, batch(...entries));
    assert.equal(res.status, 400, res.body);
    assert.equal(errorCode(res), '23003');
    assert.equal(
      at(res.xml, 'SipCredentialsResponse', 'ResponseStatus', 'Description'),
      'There are cannot be more than 1000 credential entries in list',
    );
    assert.equal((await h.get(`${CREDS}/bulk0`)).status, 404);
  });

  it('refuses a body of another kind', async () => {
    const res = await h.post(CREDS, '<SipCredential><UserName>x</UserName><Hash1>a</Hash1></SipCredential>');
    assert.equal(res.status, 400);
    assert.ok(at(res.xml, 'SipCredentialsResponse', 'ResponseStatus', 'Description'));
  });
});
