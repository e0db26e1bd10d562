import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser } from '../src/features/users/index.js';
import { at, errorCode, idFromLocation, startHarness, type Harness } from './support/harness.js';
import { basicHeader, parseResponses, rawExchange } from './support/raw-http.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';
import { isWellFormed, strictRoot } from './support/strict-xml.js';

/**
 * The defects found by a hostile run from outside (issue 8), each proven fixed: bodies that stall
 * the server, connections without a timeout, characters XML forbids, a login throttle that could be
 * reset, and smaller ones. Each test failed before its fix.
 */

const ACCOUNT = '/api/accounts/9900000';
const AUTH = basicHeader('demo', 'demo');
const SITE_ADDRESS =
  '<Address><HouseNumber>1</HouseNumber><StreetName>Main</StreetName><City>Cary</City>' +
  '<StateCode>NC</StateCode><Zip>27511</Zip><AddressType>Service</AddressType></Address>';
const siteXml = (name: string) => `<Site><Name>${name}</Name>${SITE_ADDRESS}</Site>`;

function head(method: string, path: string, headers: Record<string, string | number>): string {
  const lines = Object.entries({ Host: '127.0.0.1', ...headers }).map(([k, v]) => `${k}: ${v}`);
  return `${method} ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

describe('the real server against slow and oversized requests', () => {
  const TIMEOUT_MS = 2_000;
  let server: ServerProcess;
  let port: number;
  before(async () => {
    server = await startServerProcess({ REQUEST_TIMEOUT: `${TIMEOUT_MS}ms` });
    port = Number(new URL(server.baseUrl).port);
  });
  after(() => server.stop());

  it('answers an unknown route at once, without waiting for (or reading) its body', async () => {
    const res = await rawExchange(
      port,
      head('POST', '/api/no-such-route', { 'Content-Type': 'application/xml', 'Content-Length': 1048576 }),
      { deadlineMs: TIMEOUT_MS / 2, responses: 1 },
    );
    const [answer] = parseResponses(res.received);
    assert.equal(answer?.status, 404, res.received);
    assert.equal(strictRoot(answer.body), 'ErrorResponse');
  });

  it('answers an unauthenticated request at once, without waiting for its body', async () => {
    const res = await rawExchange(
      port,
      head('POST', `${ACCOUNT}/sites`, { 'Content-Type': 'application/xml', 'Content-Length': 1048576 }),
      { deadlineMs: TIMEOUT_MS / 2, responses: 1 },
    );
    const [answer] = parseResponses(res.received);
    assert.equal(answer?.status, 401, res.received);
    assert.equal(strictRoot(answer.body), 'SiteResponse');
  });

  const stalled: [name: string, first: string, more?: readonly string[]][] = [
    [
      'a body that stops part-way',
      head('POST', `${ACCOUNT}/sites`, {
        Authorization: AUTH,
        'Content-Type': 'application/xml',
        'Content-Length': 1000,
      }) + '<Site><Name>half',
    ],
    [
      'headers and no body',
      head('POST', `${ACCOUNT}/sites`, {
        Authorization: AUTH,
        'Content-Type': 'application/xml',
        'Content-Length': 100,
      }),
    ],
    ['headers that stop part-way', `GET ${ACCOUNT} HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: `],
    [
      'a body trickled in a byte at a time',
      head('POST', `${ACCOUNT}/sites`, {
        Authorization: AUTH,
        'Content-Type': 'application/xml',
        'Content-Length': 5000,
      }),
      Array.from({ length: 100 }, () => '<'),
    ],
  ];
  for (const [name, first, more] of stalled) {
    it(`answers ${name} with 408 in XML and closes the connection at REQUEST_TIMEOUT`, async () => {
      const res = await rawExchange(port, first, {
        deadlineMs: TIMEOUT_MS * 3,
        ...(more ? { more, intervalMs: 100 } : {}),
      });
      assert.equal(res.outcome, 'closed', `connection still ${res.outcome}: ${res.received}`);
      assert.ok(
        res.endedMs !== undefined && res.endedMs < TIMEOUT_MS + 1500,
        `closed after ${res.endedMs} ms`,
      );
      const [answer] = parseResponses(res.received);
      assert.equal(answer?.status, 408, res.received);
      assert.equal(answer.headers.connection, 'close');
      assert.equal(strictRoot(answer.body), 'ErrorResponse');
    });
  }

  it('closes a connection that sends nothing at all', async () => {
    const res = await rawExchange(port, '', { deadlineMs: TIMEOUT_MS * 3 });
    assert.equal(res.outcome, 'closed');
    assert.ok(res.endedMs !== undefined && res.endedMs < TIMEOUT_MS + 1500, `closed after ${res.endedMs} ms`);
  });

  it('delivers the 413 for an oversized body to a client that is still sending it', async () => {
    const body = '<Site><Name>' + 'x'.repeat(3 * 1024 * 1024) + '</Name></Site>';
    const res = await rawExchange(
      port,
      head('POST', `${ACCOUNT}/sites`, {
        Authorization: AUTH,
        'Content-Type': 'application/xml',
        'Content-Length': Buffer.byteLength(body),
      }) + body,
      { deadlineMs: 5_000, responses: 1 },
    );
    assert.notEqual(res.outcome, 'reset', 'the connection was reset before the answer was read');
    const [answer] = parseResponses(res.received);
    assert.equal(answer?.status, 413, res.received.slice(0, 300));
    assert.equal(strictRoot(answer.body), 'SiteResponse');
  });

  it('delivers the 413 for an oversized chunked body too', async () => {
    const piece = 'x'.repeat(64 * 1024);
    const chunk = `${piece.length.toString(16)}\r\n${piece}\r\n`;
    const res = await rawExchange(
      port,
      head('POST', `${ACCOUNT}/sites`, {
        Authorization: AUTH,
        'Content-Type': 'application/xml',
        'Transfer-Encoding': 'chunked',
      }) + `6\r\n<Site>\r\n${chunk.repeat(40)}0\r\n\r\n`,
      { deadlineMs: 5_000, responses: 1 },
    );
    assert.notEqual(res.outcome, 'reset');
    assert.equal(parseResponses(res.received)[0]?.status, 413, res.received.slice(0, 300));
  });

  it('honours Expect: 100-continue: an oversized or unauthorised upload is refused before it is sent', async () => {
    const big = await rawExchange(
      port,
      head('POST', `${ACCOUNT}/sites`, {
        Authorization: AUTH,
        'Content-Type': 'application/xml',
        'Content-Length': 50 * 1024 * 1024,
        Expect: '100-continue',
      }),
      { deadlineMs: TIMEOUT_MS / 2 },
    );
    assert.deepEqual(
      parseResponses(big.received).map((r) => r.status),
      [413],
    );
    const anonymous = await rawExchange(
      port,
      head('POST', `${ACCOUNT}/sites`, {
        'Content-Type': 'application/xml',
        'Content-Length': 1000,
        Expect: '100-continue',
      }),
      { deadlineMs: TIMEOUT_MS / 2 },
    );
    assert.deepEqual(
      parseResponses(anonymous.received).map((r) => r.status),
      [401],
    );
  });

  it('honours Expect: 100-continue: an accepted upload is invited, then created', async () => {
    const body = siteXml('Expect');
    const res = await rawExchange(
      port,
      head('POST', `${ACCOUNT}/sites`, {
        Authorization: AUTH,
        'Content-Type': 'application/xml',
        'Content-Length': Buffer.byteLength(body),
        Expect: '100-continue',
      }),
      { deadlineMs: 3_000, more: [body], intervalMs: 300, responses: 2 },
    );
    assert.deepEqual(
      parseResponses(res.received).map((r) => r.status),
      [100, 201],
    );
  });

  it('does not invite a body it will refuse for its type, and answers 405 before reading one', async () => {
    const json = await rawExchange(
      port,
      head('POST', `${ACCOUNT}/sites`, {
        Authorization: AUTH,
        'Content-Type': 'application/json',
        'Content-Length': 10,
        Expect: '100-continue',
      }),
      { deadlineMs: TIMEOUT_MS / 2, responses: 1 },
    );
    assert.deepEqual(
      parseResponses(json.received).map((r) => r.status),
      [415],
    );
    const method = await rawExchange(
      port,
      head('POST', ACCOUNT, {
        Authorization: AUTH,
        'Content-Type': 'application/xml',
        'Content-Length': 5000,
      }),
      { deadlineMs: TIMEOUT_MS / 2, responses: 1 },
    );
    assert.equal(parseResponses(method.received)[0]?.status, 405, method.received);
  });

  it('keeps a connection after answering early when the unread body is small, closes it otherwise', async () => {
    const small = '<Site/>'.repeat(100);
    const kept = await rawExchange(
      port,
      head('POST', `${ACCOUNT}/sites`, {
        'Content-Type': 'application/xml',
        'Content-Length': small.length,
      }) +
        small +
        head('GET', ACCOUNT, { Authorization: AUTH }),
      { deadlineMs: TIMEOUT_MS / 2, responses: 2 },
    );
    assert.deepEqual(
      parseResponses(kept.received).map((r) => r.status),
      [401, 200],
    );
    const chunked = await rawExchange(
      port,
      head('POST', `${ACCOUNT}/sites`, {
        'Content-Type': 'application/xml',
        'Transfer-Encoding': 'chunked',
      }) + '5\r\n<Site\r\n',
      { deadlineMs: TIMEOUT_MS / 2 },
    );
    const [answer] = parseResponses(chunked.received);
    assert.equal(answer?.status, 401);
    assert.equal(answer.headers.connection, 'close');
    assert.equal(chunked.outcome, 'closed');
  });

  it('answers malformed HTTP and late headers on a reused connection too', async () => {
    const malformed = await rawExchange(
      port,
      head('GET', ACCOUNT, { Authorization: AUTH }) + 'NOT HTTP AT ALL\r\n\r\n',
      { deadlineMs: TIMEOUT_MS / 2 },
    );
    assert.deepEqual(
      parseResponses(malformed.received).map((r) => r.status),
      [200, 400],
    );
    const late = await rawExchange(port, head('GET', ACCOUNT, { Authorization: AUTH }) + 'GET /api/acc', {
      deadlineMs: TIMEOUT_MS * 3,
    });
    const statuses = parseResponses(late.received).map((r) => r.status);
    assert.deepEqual(statuses, [200, 408]);
    assert.ok(isWellFormed(parseResponses(late.received)[1]?.body ?? ''));
  });

  it('refuses a run of a million carriage returns quickly (413), without building it in memory', async () => {
    const body = '<Site><Name>' + '\r'.repeat(1_000_000) + '</Name></Site>';
    const started = performance.now();
    const res = await fetch(`${server.baseUrl}${ACCOUNT}/sites`, {
      method: 'POST',
      headers: { authorization: AUTH, 'content-type': 'application/xml' },
      body,
    });
    assert.equal(res.status, 413);
    assert.match(await res.text(), /longer than 65536 characters/);
    assert.ok(performance.now() - started < 2000);
  });
});

describe('request bodies: structure limits and characters XML forbids', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
  });
  after(() => h.close());

  const siteCount = async () => (await h.db.database.db.selectFrom('sites').select('id').execute()).length;

  it('never holds the event loop for long while four hostile 1 MiB bodies are parsed at once', async () => {
    const hostile = [
      '<Site>' + '<a/>'.repeat(262_000) + '</Site>', // a quarter of a million empty elements
      '<Site><Name>' + '&#65;'.repeat(12_000) + '</Name>' + '<a>&amp;</a>'.repeat(70_000) + '</Site>',
      '<Site ' +
        Array.from({ length: 4_000 }, (_, i) => `a${i}="1"`).join(' ') +
        '>' +
        '<b/>'.repeat(200_000) +
        '</Site>',
      '<Site>' + '<!--x--><a/>'.repeat(80_000) + '</Site>',
    ];
    // Parsed in one go on the event loop, as before, each of these held it for a few hundred ms
    // (about a second in all). Other test files share the cores, so the measure is the time spent
    // in long stalls (over 50 ms) and its bound wide; and since another process (a test file, the
    // database) can take the core for a while on a busy machine, the best of three rounds counts: a
    // parser that blocks fails every round. bench/hostile.ts measures the real latency.
    const round = async (): Promise<number[]> => {
      const stalls: number[] = [];
      let last = performance.now();
      const ticker = setInterval(() => {
        const now = performance.now();
        if (now - last > 50) stalls.push(now - last);
        last = now;
      }, 1);
      const answers = await Promise.all(hostile.map((body) => h.post(`${ACCOUNT}/sites`, body)));
      clearInterval(ticker);
      for (const res of answers) {
        assert.ok(res.status === 400 || res.status === 413, `${res.status} ${res.body}`);
      }
      return stalls;
    };
    const rounds: number[][] = [];
    for (let i = 0; i < 3; i++) {
      const stalls = await round();
      rounds.push(stalls);
      if (stalls.reduce((a, b) => a + b, 0) < 300) return;
    }
    assert.fail(
      `stalls of ${rounds.map((r) => r.map((ms) => ms.toFixed(0)).join(', ') || 'none').join(' / ')} ms`,
    );
  });

  it('refuses a body with more elements than any payload has, naming the limit', async () => {
    const res = await h.post(`${ACCOUNT}/sites`, '<Site>' + '<a/>'.repeat(30_000) + '</Site>');
    assert.equal(res.status, 413);
    assert.match(String(at(res.xml, 'SiteResponse', 'ResponseStatus', 'Description')), /25000 elements/);
  });

  it('still takes the largest legitimate body: a disconnect of 5,000 numbers', async () => {
    const tns = Array.from(
      { length: 5000 },
      (_, i) => `<TelephoneNumber>${9195550000 + i}</TelephoneNumber>`,
    );
    const res = await h.post(
      `${ACCOUNT}/disconnects`,
      `<DisconnectTelephoneNumberOrder><name>big</name><DisconnectTelephoneNumberOrderType><TelephoneNumberList>${tns.join('')}</TelephoneNumberList></DisconnectTelephoneNumberOrderType></DisconnectTelephoneNumberOrder>`,
    );
    assert.equal(res.status, 201, res.body.slice(0, 300));
  });

  const forbidden: [string, string][] = [
    ['a NUL character', 'Bad\u0000'],
    ['a control character', 'Bad\u0001'],
    ['an escape character', 'Bad\u001b[0m'],
    ['a character reference to NUL', 'Bad&#0;'],
    ['a character reference to a control character', 'Bad&#x1;'],
    ['a character reference to U+FFFE', 'Bad&#xFFFE;'],
  ];
  for (const [name, value] of forbidden) {
    it(`refuses ${name} in a site name, in the site's error shape, and stores nothing`, async () => {
      const before = await siteCount();
      const res = await h.post(`${ACCOUNT}/sites`, siteXml(value));
      assert.equal(res.status, 400, res.body);
      assert.equal(strictRoot(res.body), 'SiteResponse');
      assert.equal(await siteCount(), before);
    });
  }

  it('refuses control characters that XML allows (DEL, C1) in text fields with 1008', async () => {
    for (const value of ['Bad&#127;', 'Bad&#x85;']) {
      const res = await h.post(`${ACCOUNT}/sites`, siteXml(value));
      assert.equal(res.status, 400, res.body);
      assert.equal(errorCode(res), '1008');
    }
  });

  it('refuses control characters in notes, SIP-peer names and credential hashes', async () => {
    const disconnect = await h.post(
      `${ACCOUNT}/disconnects`,
      '<DisconnectTelephoneNumberOrder><name>n</name><DisconnectTelephoneNumberOrderType><TelephoneNumberList><TelephoneNumber>9195550100</TelephoneNumber></TelephoneNumberList></DisconnectTelephoneNumberOrderType></DisconnectTelephoneNumberOrder>',
    );
    const notes = `${ACCOUNT}/disconnects/${idFromLocation(disconnect)}/notes`;
    for (const body of [
      '<Note><UserId>demo&#7;</UserId><Description>d</Description></Note>',
      '<Note><UserId>demo</UserId><Description>d\u0002</Description></Note>',
    ]) {
      const res = await h.post(notes, body);
      assert.equal(res.status, 400, res.body);
      assert.equal(strictRoot(res.body), 'NoteResponse');
    }
    assert.equal((await h.get(notes)).status, 204, 'no note was stored');

    const peer = await h.post(
      `${ACCOUNT}/sites/1/sippeers`,
      '<SipPeer><PeerName>p&#27;</PeerName><IsDefaultPeer>false</IsDefaultPeer></SipPeer>',
    );
    assert.equal(peer.status, 400, peer.body);
    const credential = await h.post(
      `${ACCOUNT}/sipcredentials`,
      '<SipCredentials><SipCredential><UserName>ctl</UserName><Hash1>ab&#8;</Hash1></SipCredential></SipCredentials>',
    );
    assert.equal(credential.status, 400, credential.body);
    assert.ok(isWellFormed(credential.body));
  });

  it('never sends back a character XML forbids, even one already stored', async () => {
    await h.db.database.db
      .updateTable('sites')
      .set({ name: 'Old\u0001\u0002Site\uFFFF\uD800' })
      .where('id', '=', 1)
      .execute();
    for (const path of [`${ACCOUNT}/sites`, `${ACCOUNT}/sites/1`]) {
      const res = await h.get(path);
      assert.equal(res.status, 200);
      assert.ok(isWellFormed(res.body), res.body);
      assert.match(res.body, /Old\uFFFD\uFFFDSite\uFFFD\uFFFD/);
    }
  });

  it('echoes path ids and query values with control characters in well-formed errors', async () => {
    for (const path of [
      `${ACCOUNT}/sites/%01%00`,
      `${ACCOUNT}/sipcredentials/%01%1b`,
      `${ACCOUNT}/sites/1/sippeers/%08`,
      `/api/tns/%01%02`,
      `${ACCOUNT}/availableNumbers?areaCode=%01`,
      `${ACCOUNT}/availableNumbers?city=%00&state=NC`,
      `${ACCOUNT}/sipcredentials?usernamefragment=%01`,
      `${ACCOUNT}/orders?status=%01`,
      `/api/no-such-route/%01`,
    ]) {
      const res = await h.get(path);
      assert.ok(res.status < 500, `${path}: ${res.status}`);
      if (res.body !== '') assert.ok(isWellFormed(res.body), `${path}: ${res.body}`);
    }
  });

  it("limits a note's UserId to a user name's length (12500), storing nothing", async () => {
    const disconnect = await h.post(
      `${ACCOUNT}/disconnects`,
      '<DisconnectTelephoneNumberOrder><name>n</name><DisconnectTelephoneNumberOrderType><TelephoneNumberList><TelephoneNumber>9195550101</TelephoneNumber></TelephoneNumberList></DisconnectTelephoneNumberOrderType></DisconnectTelephoneNumberOrder>',
    );
    const notes = `${ACCOUNT}/disconnects/${idFromLocation(disconnect)}/notes`;
    const res = await h.post(
      notes,
      `<Note><UserId>${'u'.repeat(101)}</UserId><Description>d</Description></Note>`,
    );
    assert.equal(res.status, 400);
    assert.equal(errorCode(res), '12500');
    assert.equal((await h.get(notes)).status, 204);
    const ok = await h.post(
      notes,
      `<Note><UserId>${'u'.repeat(100)}</UserId><Description>d</Description></Note>`,
    );
    assert.equal(ok.status, 201);
  });
});

describe('the failed-login throttle cannot be reset or outrun', () => {
  let h: Harness;
  before(async () => {
    h = await startHarness();
    await createUser(h.app.deps, { username: 'helper', password: 'helper-secret', accounts: ['9900000'] });
    await createUser(h.app.deps, { username: 'fresh', password: 'fresh-secret', accounts: ['9900000'] });
  });
  after(() => h.close());

  const timed = async (auth: [string, string], remoteAddress: string) => {
    const started = performance.now();
    const res = await h.get(ACCOUNT, { auth, remoteAddress });
    return { status: res.status, ms: performance.now() - started };
  };

  it("does not forget a client's failures when a valid login comes from the same address", async () => {
    const client = '10.1.0.1';
    for (let i = 0; i < 7; i++) {
      assert.equal((await timed(['helper', 'helper-secret'], client)).status, 200);
      assert.equal((await timed(['demo', `guess-${i}`], client)).status, 401);
    }
    const eighth = await timed(['demo', 'guess-again'], client);
    assert.equal(eighth.status, 401);
    assert.ok(eighth.ms >= 300, `the eighth failure waited only ${eighth.ms.toFixed(0)} ms`);
  });

  it('counts failures per user name too, whatever address they come from', async () => {
    await createUser(h.app.deps, { username: 'target', password: 'target-secret', accounts: ['9900000'] });
    for (let i = 0; i < 7; i++) {
      assert.equal((await timed(['target', `guess-${i}`], `10.2.0.${i + 1}`)).status, 401);
    }
    const next = await timed(['target', 'guess-again'], '10.2.0.99');
    assert.equal(next.status, 401);
    assert.ok(next.ms >= 300, `waited only ${next.ms.toFixed(0)} ms`);
  });

  it("is not reset by the guessed user's own remembered logins", async () => {
    await createUser(h.app.deps, { username: 'busy', password: 'busy-secret', accounts: ['9900000'] });
    assert.equal((await timed(['busy', 'busy-secret'], '10.4.0.100')).status, 200);
    for (let i = 0; i < 7; i++) {
      assert.equal((await timed(['busy', `guess-${i}`], `10.4.0.${i + 1}`)).status, 401);
      assert.equal((await timed(['busy', 'busy-secret'], '10.4.0.100')).status, 200);
    }
    const next = await timed(['busy', 'guess-again'], '10.4.0.99');
    assert.equal(next.status, 401);
    assert.ok(next.ms >= 300, `waited only ${next.ms.toFixed(0)} ms`);
  });

  it('hashes for users and addresses without failures first, so a spread-out burst does not starve them', async () => {
    const attackers = Array.from({ length: 12 }, (_, i) => `10.5.0.${i + 1}`);
    // Each attacking address has failed once before.
    await Promise.all(attackers.map((a, i) => timed([`nobody-${i}`, 'x'], a)));
    await createUser(h.app.deps, {
      username: 'newcomer',
      password: 'newcomer-secret',
      accounts: ['9900000'],
    });
    const finished: string[] = [];
    const burst = attackers.map((a, i) =>
      timed([`nobody-again-${i}`, 'x'], a).then(() => finished.push('failure')),
    );
    const valid = timed(['newcomer', 'newcomer-secret'], '10.5.1.1').then((r) => {
      finished.push('valid');
      return r;
    });
    assert.equal((await valid).status, 200);
    await Promise.all(burst);
    // Without priority it would come last of thirteen; with it, only the hashes already running or
    // claimed while its own user lookup was in flight (PostgreSQL) finish before it.
    assert.ok(
      finished.indexOf('valid') <= 4,
      `the valid login finished after ${finished.indexOf('valid')} failures`,
    );
  });

  it('slows a simultaneous burst and lets valid users through first', async () => {
    await createUser(h.app.deps, { username: 'burst', password: 'burst-secret', accounts: ['9900000'] });
    // burst's password was verified before: a returning user.
    assert.equal((await timed(['burst', 'burst-secret'], '10.3.0.9')).status, 200);
    const attacker = '10.3.0.1';
    const finished: string[] = [];
    const failures = Array.from({ length: 24 }, (_, i) =>
      timed(['burst', `guess-${i}`], attacker).then((r) => {
        if (r.status === 401) finished.push('failure');
        return r;
      }),
    );
    // A returning user from the attacker's own address, and a first login from elsewhere.
    const returning = timed(['burst', 'burst-secret'], attacker).then((r) => {
      finished.push('returning');
      return r;
    });
    const first = timed(['fresh', 'fresh-secret'], '10.3.0.2').then((r) => {
      finished.push('first');
      return r;
    });
    const [ret, fst] = await Promise.all([returning, first]);
    assert.equal(ret.status, 200);
    assert.equal(fst.status, 200);
    assert.ok(ret.ms < 200, `the returning user waited ${ret.ms.toFixed(0)} ms`);
    assert.ok(fst.ms < 1000, `the first login waited ${fst.ms.toFixed(0)} ms`);
    // At most the attacker's verifications already under way finish before it.
    const before = finished.slice(0, finished.indexOf('first')).filter((f) => f === 'failure');
    assert.ok(before.length <= 2, `the valid first login finished after ${before.length} failures`);
    const outcomes = await Promise.all(failures);
    // Beyond the attempts a client may have waiting, the rest are turned away at once.
    assert.ok(outcomes.some((r) => r.status === 429));
    assert.ok(outcomes.every((r) => r.status === 401 || r.status === 429));
    const slowest = Math.max(...outcomes.filter((r) => r.status === 401).map((r) => r.ms));
    assert.ok(slowest >= 1500, `the burst was not slowed (slowest ${slowest.toFixed(0)} ms)`);
  });
});
