import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { lastDigestTime } from './digest-time.js';

describe('digest time', () => {
  const at = (iso: string, hhmm = '08:00', tz = 'America/New_York') => {
    const t = lastDigestTime(Date.parse(iso), hhmm, tz);
    return [new Date(t.ms).toISOString(), t.day];
  };

  it('is the latest DIGEST_AT in DIGEST_TZ at or before now', () => {
    // 08:00 EST is 13:00Z in winter.
    assert.deepEqual(at('2026-12-01T13:00:00.000Z'), ['2026-12-01T13:00:00.000Z', '2026-12-01']);
    assert.deepEqual(at('2026-12-01T12:59:59.999Z'), ['2026-11-30T13:00:00.000Z', '2026-11-30']);
    assert.deepEqual(at('2026-12-02T04:00:00.000Z'), ['2026-12-01T13:00:00.000Z', '2026-12-01']);
  });

  it("follows the zone's daylight-saving changes", () => {
    // 08:00 EDT is 12:00Z in summer; the US moves clocks on 2026-03-08 and 2026-11-01.
    assert.deepEqual(at('2026-07-04T12:30:00.000Z'), ['2026-07-04T12:00:00.000Z', '2026-07-04']);
    assert.deepEqual(at('2026-03-08T12:30:00.000Z'), ['2026-03-08T12:00:00.000Z', '2026-03-08']);
    assert.deepEqual(at('2026-03-07T13:30:00.000Z'), ['2026-03-07T13:00:00.000Z', '2026-03-07']);
    assert.deepEqual(at('2026-11-01T13:30:00.000Z'), ['2026-11-01T13:00:00.000Z', '2026-11-01']);
    // On the 25-hour day, before 23:30 local the last digest was the evening before, not "24 hours ago".
    assert.deepEqual(at('2026-11-01T12:00:00.000Z', '23:30'), ['2026-11-01T03:30:00.000Z', '2026-10-31']);
    assert.deepEqual(at('2026-11-02T04:45:00.000Z', '23:30'), ['2026-11-02T04:30:00.000Z', '2026-11-01']);
    // And on the 23-hour day in spring.
    assert.deepEqual(at('2026-03-08T12:00:00.000Z', '23:30'), ['2026-03-08T04:30:00.000Z', '2026-03-07']);
  });

  it('works in any zone and at any time of day', () => {
    assert.deepEqual(at('2026-12-01T00:30:00.000Z', '23:45', 'Asia/Kolkata'), [
      '2026-11-30T18:15:00.000Z',
      '2026-11-30',
    ]);
    assert.deepEqual(at('2026-12-01T00:30:00.000Z', '00:00', 'UTC'), [
      '2026-12-01T00:00:00.000Z',
      '2026-12-01',
    ]);
  });
});
