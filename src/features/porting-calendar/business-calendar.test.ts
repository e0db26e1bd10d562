import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addBusinessDays,
  addBusinessHours,
  calendarOf,
  easternDay,
  isBusinessDay,
  withinProcessingHours,
} from './business-calendar.js';

/** The porting calendar: weekdays that are not federal holidays, in US Eastern time. */
const cal = calendarOf(
  new Map([
    ['2026-11-26', 'Thanksgiving Day'],
    ['2026-12-25', 'Christmas Day'],
    ['2027-01-01', "New Year's Day"],
  ]),
);

describe('business calendar', () => {
  it('skips weekends and observed holidays', () => {
    assert.equal(isBusinessDay(cal, '2026-11-26'), false);
    assert.equal(isBusinessDay(cal, '2026-11-28'), false); // Saturday
    assert.equal(isBusinessDay(cal, '2026-11-27'), true);
    assert.equal(addBusinessDays(cal, '2026-11-25', 1), '2026-11-27');
    assert.equal(addBusinessDays(cal, '2026-12-24', 1), '2026-12-28');
    assert.equal(addBusinessDays(cal, '2026-12-30', 2), '2027-01-04');
  });

  it('counts business hours from 8:00 to 17:00 Eastern, over nights, weekends and holidays', () => {
    // Thursday 2026-12-24 15:00 EST: two hours that day, then Christmas and the weekend.
    assert.equal(
      new Date(addBusinessHours(cal, Date.parse('2026-12-24T20:00:00Z'), 4)).toISOString(),
      '2026-12-28T15:00:00.000Z',
    );
    // Before opening: from 8:00.
    assert.equal(
      new Date(addBusinessHours(cal, Date.parse('2026-12-01T12:00:00Z'), 4)).toISOString(),
      '2026-12-01T17:00:00.000Z',
    );
    // Summer time (EDT, UTC-4).
    assert.equal(
      new Date(addBusinessHours(cal, Date.parse('2026-07-06T13:00:00Z'), 1)).toISOString(),
      '2026-07-06T14:00:00.000Z',
    );
  });

  it('reads days and processing hours in Eastern time, across daylight-saving changes', () => {
    assert.equal(easternDay(Date.parse('2026-11-02T03:30:00Z')), '2026-11-01');
    assert.equal(easternDay(Date.parse('2026-03-09T03:30:00Z')), '2026-03-08');
    assert.equal(withinProcessingHours(Date.parse('2026-12-14T13:00:00Z')), true); // 8:00 EST
    assert.equal(withinProcessingHours(Date.parse('2026-12-14T20:30:00Z')), true); // 15:30
    assert.equal(withinProcessingHours(Date.parse('2026-12-14T20:31:00Z')), false);
    assert.equal(withinProcessingHours(Date.parse('2026-07-14T12:00:00Z')), true); // 8:00 EDT
  });
});
