/**
 * Shared set-up for the SIP credential tests (sip-credentials.*.test.ts): the demo account's
 * credentials URL, XML builders, loose-XML readers, and the batches the creation tests post.
 * Not a test file itself (the runner only picks up *.test.ts).
 */
import assert from 'node:assert/strict';
import { at, type Harness, type Reply } from '../../../test/support/harness.js';

export const CREDS = '/api/accounts/9900000/sipcredentials';

export type Fields = Partial<Record<'UserName' | 'Domain' | 'Hash1' | 'Hash1b', string>>;

/** One `<SipCredential>`, children in the order the official client writes them. */
export function cred(fields: Fields): string {
  const children = (['UserName', 'Domain', 'Hash1', 'Hash1b'] as const)
    .filter((k) => fields[k] !== undefined)
    .map((k) => `<${k}>${fields[k] ?? ''}</${k}>`)
    .join('');
  return `<SipCredential>${children}</SipCredential>`;
}

export function batch(...entries: Fields[]): string {
  return `<SipCredentials>${entries.map(cred).join('')}</SipCredentials>`;
}

/** A complete, valid entry with a domain. */
export function full(userName: string, domain = 'bw.com'): Fields {
  return { UserName: userName, Domain: domain, Hash1: `h1-${userName}`, Hash1b: `h1b-${userName}` };
}

/** The loose parser yields an object for one element and an array for several. */
export function list(value: unknown): Record<string, unknown>[] {
  if (value === undefined || value === '') return [];
  return (Array.isArray(value) ? value : [value]) as Record<string, unknown>[];
}

export function composites(reply: Reply, ...path: string[]): string[] {
  return (list(at(reply.xml, ...path)) as Record<string, string | undefined>[]).map((c) =>
    c.Domain === undefined ? (c.UserName ?? '') : `${c.UserName ?? ''}@${c.Domain}`,
  );
}

export function listed(reply: Reply): string[] {
  return composites(reply, 'SipCredentialsResponse', 'SipCredentials', 'SipCredential');
}

/** The URL inside a paging link's text, turned into a request path as the Ruby client does (strip up to /v1.0). */
export function linkPath(text: unknown): string {
  const m = /^Link=<([^>]+)>;rel="\w+";$/.exec(String(text).trim());
  assert.ok(m?.[1], `not a link: ${String(text)}`);
  return `/v1.0${m[1].slice(m[1].indexOf('/v1.0') + '/v1.0'.length)}`;
}

export function enc(composite: string): string {
  return encodeURIComponent(composite);
}

/**
 * The batches the creation tests (sip-credentials.create.test.ts) post, each answered 201, for the
 * suites that start from the credentials those tests leave on the demo account.
 */
export const CREATED = {
  /** John@bw.com (Hash1 1g32gadgs433dd4) and the pre-aggregated Mathew@bw.com. */
  johnAndMathew: batch(
    { UserName: 'John', Domain: 'bw.com', Hash1: '1g32gadgs433dd4', Hash1b: '1g32gadgs433d24' },
    { UserName: 'Mathew@bw.com', Hash1: '43543gggs43g324', Hash1b: '1g32gadgs433a34' },
  ),
  /** The pre-aggregated Bill@bw.com, no Domain, no Hash1b. */
  bill: batch({ UserName: 'Bill@bw.com', Hash1: 'billhash' }),
  /** The extension 1001 and a name with every allowed symbol. */
  extensionAndSymbols: batch(
    { UserName: '1001', Hash1: 'ext' },
    {
      UserName: 'a.b_c-d!e$f&g*h+i=j~k'.replace('&', '&amp;'),
      Domain: 'x-y.example',
      Hash1: 'sym',
      Hash1b: 'symb',
    },
  ),
  /** Partial@bw.com, beside an entry rejected for its missing UserName. */
  partial: batch({ Domain: 'bw.com', Hash1: '1g32gadgs433dd4', Hash1b: '1g32gadgs433d24' }, full('Partial')),
  /** Twice@bw.com, beside its own duplicate (rejected 23000). */
  twice: batch(full('Twice'), { ...full('Twice'), Hash1: 'other' }),
} as const;

/** Posts each batch to the demo account's credentials, in order, each expected to answer 201. */
export async function seedCredentials(h: Harness, ...batches: string[]): Promise<void> {
  for (const body of batches) {
    const res = await h.post(CREDS, body);
    assert.equal(res.status, 201, res.body);
  }
}
