import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { featureRoutes } from '../src/features/index.js';
import { ApiError } from '../src/platform/http/api-error.js';
import type { RouteDef } from '../src/platform/http/routes.js';
import { startHarness, type Harness, type Reply } from './support/harness.js';
import { strictRoot } from './support/strict-xml.js';

/**
 * Every route against hostile input: for each POST and PUT, bodies that are malformed, truncated,
 * oversized, deeply nested, entity-laden, full of elements or attributes, not UTF-8, or carrying
 * characters XML forbids; for every route, hostile path ids and query values. Each answer must be a
 * 4xx (query values a route ignores may also be a 2xx), never a 5xx, in the route's own error shape
 * (or its documented empty body), well-formed XML 1.0, and the server must still answer a normal
 * request promptly afterwards.
 */

const MAX_BODY = 64 * 1024;
const ACCOUNT = '9900000';
/** Values for path parameters that exist in the demo tenant. */
const SAMPLE: Record<string, string> = { siteId: '1', sippeerId: '500000', userid: 'demo', tn: '9195550100' };

function pathOf(route: RouteDef, replace: Record<string, string> = {}): string {
  return (
    '/api' +
    route.path.replace(/:(\w+)/g, (_m, name: string) =>
      name in replace ? (replace[name] as string) : name === 'accountId' ? ACCOUNT : (SAMPLE[name] ?? '1'),
    )
  );
}

const nest = (depth: number) => '<a>'.repeat(depth) + '</a>'.repeat(depth);
const HOSTILE_BODIES: [string, string | Buffer][] = [
  ['malformed XML', '<Site><Name>x</Site>'],
  ['truncated XML', '<?xml version="1.0"?><Order><Name>half an ord'],
  ['an unclosed root', '<SipPeer><PeerName>p</PeerName>'],
  ['text outside the root', '<Site/>trailing'],
  ['two roots', '<Site/><Site/>'],
  ['an empty body', ''],
  ['only whitespace', '   \n  '],
  ['not XML at all', 'name=x&zip=1'],
  ['JSON sent as XML', '{"Name":"x"}'],
  ['an oversized body', '<Site><Name>' + 'x'.repeat(MAX_BODY + 1) + '</Name></Site>'],
  ['deep nesting', nest(500)],
  ['nesting just past the limit', nest(33)],
  ['a DOCTYPE with internal entities', '<!DOCTYPE Site [<!ENTITY e "x">]><Site><Name>&e;</Name></Site>'],
  [
    'billion laughs',
    '<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">' +
      '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><Site><Name>&c;</Name></Site>',
  ],
  ['an external entity', '<?xml version="1.0"?><!DOCTYPE Site SYSTEM "file:///etc/passwd"><Site/>'],
  ['an undefined entity', '<Site><Name>&nbsp;</Name></Site>'],
  ['a parameter entity', '<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1/">%p;]><x/>'],
  ['too many elements', '<Site>' + '<a/>'.repeat(30_000) + '</Site>'],
  ['too many attributes', `<Site ${Array.from({ length: 26_000 }, (_, i) => `a${i}="1"`).join(' ')}/>`],
  ['a prototype-polluting root', '<__proto__><Name>x</Name><constructor>y</constructor></__proto__>'],
  ['a NUL byte', '<Site><Name>a\u0000b</Name></Site>'],
  ['control characters', '<Site><Name>\u0001\u0002\u001b[31m</Name><Description>\u0007</Description></Site>'],
  ['references to control characters', '<Order><Name>&#1;&#x1F;</Name></Order>'],
  ['a reference to NUL', '<Note><UserId>&#0;</UserId><Description>d</Description></Note>'],
  ['references to non-characters', '<Site><Name>&#xFFFE;&#xFFFF;</Name></Site>'],
  ['a reference to a surrogate', '<Site><Name>&#xD800;</Name></Site>'],
  ['XML 1.1 declared to sneak control references', '<?xml version="1.1"?><Site><Name>&#1;</Name></Site>'],
  [
    'invalid UTF-8',
    Buffer.from([
      0x3c, 0x53, 0x69, 0x74, 0x65, 0x3e, 0xff, 0xfe, 0xc3, 0x28, 0x3c, 0x2f, 0x53, 0x69, 0x74, 0x65, 0x3e,
    ]),
  ],
  // Taken as plain text (and then too long for any name field): never as markup or an entity.
  [
    'a CDATA section hiding markup',
    '<Site><Name><![CDATA[<x>&e;</x> and more]]></Name><PeerName><![CDATA[<x>&e;</x> and more]]></PeerName></Site>',
  ],
];

/** Text fields with control characters XML itself allows (DEL, C1), under every request root. */
const ROOTS = [
  'Site',
  'SipPeer',
  'SipCredentials',
  'SipCredential',
  'Order',
  'DisconnectTelephoneNumberOrder',
  'Note',
  'Reservation',
  'SipPeerTelephoneNumber',
  'SipPeerTelephoneNumbers',
  'Password',
];
const TEXT_FIELDS = [
  'Name',
  'Description',
  'PeerName',
  'UserId',
  'CustomerOrderId',
  'UserName',
  'Hash1',
  'name',
];
const CONTROL_BODIES: [string, string][] = ROOTS.map((root) => [
  `DEL and C1 characters in a <${root}>`,
  `<${root}>${TEXT_FIELDS.map((f) => `<${f}>x&#127;&#x85;&#x9F;</${f}>`).join('')}<SipCredential><UserName>u&#127;</UserName><Hash1>h&#x80;</Hash1></SipCredential></${root}>`,
]);

/**
 * Answers documented with another body than the route's error shape (contract §4, §5 and §17): the
 * in-service checks' 404 and /history's 400 for a number that is not one have none; the disconnect
 * and site order lists answer "nothing to list" with 404 and a bare `<Links>`, bad parameters with
 * an empty 404.
 */
const DOCUMENTED: ReadonlyMap<string, readonly (string | null)[]> = new Map<string, (string | null)[]>([
  ['GET /accounts/:accountId/inserviceNumbers 404', [null]],
  ['GET /accounts/:accountId/inserviceNumbers/:tn 404', [null]],
  ['GET /accounts/:accountId/inserviceNumbers/totals 404', [null]],
  ['GET /accounts/:accountId/sites/:siteId/inserviceNumbers 404', [null]],
  ['GET /tns/:tn/history 400', [null]],
  ['GET /accounts/:accountId/disconnects 404', ['Links', null]],
  ['GET /accounts/:accountId/sites/:siteId/orders 404', ['Links', null]],
]);

const HOSTILE_IDS = [
  '%00',
  '%01%02',
  '%1B%5B31m',
  '0',
  '-1',
  '1.5',
  '1e999',
  '99999999999999999999999999',
  'a'.repeat(90),
  'a'.repeat(300),
  "1'%20OR%20'1'%3D'1",
  '..%2F..%2Fetc%2Fpasswd',
  '%3Cx%3E%26amp%3B',
  '%F0%9F%98%80',
  '%EF%BF%BF',
  '%ED%A0%80',
  'NaN',
  '%20',
];

const QUERY_NAMES = [
  'page',
  'size',
  'status',
  'startdate',
  'enddate',
  'quantity',
  'areaCode',
  'npaNxx',
  'npaNxxx',
  'rateCenter',
  'state',
  'city',
  'zip',
  'lata',
  'tollFreeVanity',
  'tollFreeWildCardPattern',
  'localVanity',
  'endsIn',
  'orderBy',
  'embed',
  'tndetail',
  'includeAttributes',
  'usernamefragment',
  'domainfragment',
  'customerOrderId',
  'userid',
  'LCA',
  'enableTNDetail',
  'protected',
  'host',
  'type',
  'supported',
  'available',
  'abbreviation',
  'name',
  'tier',
  'npa',
  'accountId',
  'tn',
  'siteId',
];
const HOSTILE_QUERY_VALUES = [
  '%00',
  '%01',
  '-1',
  '0',
  '1e999',
  '99999999999999999999',
  'a'.repeat(2000),
  '%3C%3E%26%22',
  '%F0%9F%98%80',
  '%ED%A0%80',
  "'%3B--",
  '*',
  '%25',
  '',
];

describe('hostile input on every route', () => {
  let h: Harness;
  let routes: RouteDef[];
  before(async () => {
    h = await startHarness({ env: { MAX_BODY_BYTES: String(MAX_BODY) } });
    routes = featureRoutes(h.app.deps);
  });
  after(() => h.close());

  /** The route's documented error body for this answer: its root element, or null for an empty body. */
  function expectedRoot(route: RouteDef, res: Reply): string | null {
    const shaped = route.errorShape(new ApiError(res.status, res.status, 'x'));
    return shaped === null ? null : strictRoot(shaped);
  }

  /**
   * A path that does not decode, or has a segment over 100 characters, is refused before routing,
   * so no route's shape applies: the generic one does (contract §4, the fallback).
   */
  const refusedBeforeRouting = (path: string) => {
    if (path.split('/').some((segment) => segment.length > 100)) return true;
    try {
      decodeURIComponent(path);
      return false;
    } catch {
      return true;
    }
  };

  function rootOf(body: string, label: string): string {
    try {
      return strictRoot(body);
    } catch (err) {
      assert.fail(`${label}: not well-formed XML (${(err as Error).message})`);
    }
  }

  function check(route: RouteDef, what: string, res: Reply, allowSuccess = false, url = ''): void {
    const label = `${route.method} ${route.path} with ${what}: ${res.status} ${res.body.slice(0, 200)}`;
    assert.ok(res.status < 500, label);
    if (!allowSuccess) assert.ok(res.status >= 400, label);
    if (res.status >= 400) {
      const key = `${route.method} ${route.path} ${res.status}`;
      const allowed: readonly (string | null)[] =
        (res.status === 400 || res.status === 414) && refusedBeforeRouting(url.split('?')[0] ?? '')
          ? ['ErrorResponse']
          : [...(DOCUMENTED.get(key) ?? []), expectedRoot(route, res)];
      const root = res.body === '' ? null : rootOf(res.body, label);
      assert.ok(allowed.includes(root), `${label}: root ${root}, expected one of ${allowed.join(', ')}`);
    } else if (res.body !== '') {
      rootOf(res.body, label);
    }
    assert.doesNotMatch(res.body, /at .*\.(ts|js):\d+|Error:/, `${label}: a stack trace`);
  }

  async function stillServing(): Promise<void> {
    // The quickest of three, so one garbage collection does not decide it.
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const started = performance.now();
      const res = await h.get(`/api/accounts/${ACCOUNT}`);
      assert.equal(res.status, 200);
      best = Math.min(best, performance.now() - started);
    }
    assert.ok(best < 100, `a normal request afterwards took ${best.toFixed(1)} ms`);
  }

  it('covers every route', () => {
    assert.ok(routes.filter((r) => r.method === 'POST' || r.method === 'PUT').length >= 12);
    assert.ok(routes.length >= 70);
  });

  it('refuses hostile bodies on every POST and PUT route', async () => {
    for (const route of routes.filter((r) => r.method === 'POST' || r.method === 'PUT')) {
      for (const [what, body] of [...HOSTILE_BODIES, ...CONTROL_BODIES]) {
        const res = await h.request(route.method, pathOf(route), { body: body as string });
        check(route, what, res);
      }
      for (const type of [
        'application/json',
        'text/plain',
        'multipart/form-data; boundary=x',
        'application/xml; charset=klingon',
      ]) {
        const res = await h.request(route.method, pathOf(route), {
          body: '<Site/>',
          headers: { 'content-type': type },
        });
        check(route, `Content-Type ${type}`, res);
      }
      await stillServing();
    }
  });

  it('answers hostile path ids on every route with a 4xx in the route’s error shape', async () => {
    for (const route of routes) {
      const params = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
      for (const param of params) {
        for (const id of HOSTILE_IDS) {
          const url = pathOf(route, { [param]: id });
          const res = await h.request(route.method, url, {
            ...(route.method === 'POST' || route.method === 'PUT' ? { body: '<Anything/>' } : {}),
          });
          check(route, `${param}=${id}`, res, false, url);
        }
      }
    }
    await stillServing();
  });

  it('answers hostile query values on every route without a 5xx, in well-formed XML', async () => {
    for (const route of routes) {
      for (const value of HOSTILE_QUERY_VALUES) {
        const query = QUERY_NAMES.map((name) => `${name}=${value}`).join('&');
        const url = `${pathOf(route)}?${query}`;
        const res = await h.request(route.method, url, {
          ...(route.method === 'POST' || route.method === 'PUT' ? { body: '<Anything/>' } : {}),
        });
        check(route, `query values '${value.slice(0, 20)}'`, res, true, url);
      }
      // The same name repeated, and names that are not parameters at all.
      const odd = await h.request(
        route.method,
        `${pathOf(route)}?page=1&page=2&size=&size=5&__proto__=1&constructor=x&%00=1`,
        route.method === 'POST' || route.method === 'PUT' ? { body: '<Anything/>' } : {},
      );
      check(route, 'repeated and odd query names', odd, true);
    }
    await stillServing();
  });
});
