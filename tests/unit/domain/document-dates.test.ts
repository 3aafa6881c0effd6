/**
 * Real calendar dates and times in documents (`IsoDateOrDateTime`), each part at its edge: the day
 * of the month (leap years included), the month, hours, minutes, seconds and the offset. A date
 * that `Date.parse` would roll over (2026-02-30 to March 2) must be refused, never stored shifted.
 */
import { describe, expect, it } from 'vitest';
import { IsoDateOrDateTime } from '../../../src/domain/document.js';

const messages = (s: string) => {
  const r = IsoDateOrDateTime.safeParse(s);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('a calendar date', () => {
  it.each([
    '2026-01-01',
    '2026-01-31',
    '2026-04-30',
    '2026-12-31',
    '2024-02-29', // leap year
    '2000-02-29', // divisible by 400
    '0001-01-01',
    '0099-06-15', // years 0-99 are years 0-99, not 1900-1999
  ])('accepts %s', (date) => {
    expect(messages(date)).toEqual([]);
  });

  it.each([
    '2026-02-30',
    '2025-02-29',
    '1900-02-29', // divisible by 100, not by 400
    '2026-04-31',
    '2026-01-32',
    '2026-01-00',
    '2026-00-10',
    '2026-13-01',
  ])('refuses %s as no real day', (date) => {
    expect(messages(date)).toEqual(['is not a real calendar date']);
  });
});

describe('a date-time', () => {
  it.each([
    '2026-01-05T00:00Z',
    '2026-01-05T23:59Z',
    '2026-01-05T23:59:59Z',
    '2026-01-05T23:59:59.999Z',
    '2026-01-05T10:00:00+14:00',
    '2026-01-05T10:00:00-14:00',
    '2026-01-05T10:00:00+05:59',
    '2026-01-05T10:00:00+00:00',
    '2024-02-29T12:00:00Z',
  ])('accepts %s', (time) => {
    expect(messages(time)).toEqual([]);
  });

  it.each([
    '2026-01-05T24:00Z',
    '2026-01-05T10:60Z',
    '2026-01-05T10:00:60Z',
    '2026-01-05T10:00:00+15:00',
    '2026-01-05T10:00:00-15:00',
    '2026-01-05T10:00:00+05:60',
    '2025-02-29T12:00:00Z',
  ])('refuses %s as no real time', (time) => {
    expect(messages(time)).toEqual(['is not a real calendar date']);
  });

  it('refuses what is not written as an ISO date, saying how to write it', () => {
    for (const s of ['2026-1-5', '05/01/2026', '2026-01-05T10:00', '2026-01-05 10:00Z', ''])
      expect(messages(s)[0], s).toBe('must be an ISO-8601 date (YYYY-MM-DD) or date-time with offset');
  });
});
