import { describe, expect, it } from '@jest/globals';
import { dashboardFormats } from './dashboard-format';

const timeline = (bucketMinutes: number, ...starts: string[]) => ({
  bucketMinutes,
  buckets: starts.map((startsAt) => ({ startsAt })),
});

describe('dashboard formats', () => {
  it("shows times on the meeting's clock, with its zone named", () => {
    const f = dashboardFormats('en-GB', 'Asia/Kabul', timeline(5, '2027-11-21T03:30:00.000Z'), '—');
    expect(f.time('2027-11-21T03:30:00.000Z')).toBe('08:00');
    expect(f.range('2027-11-21T03:30:00.000Z', '2027-11-21T03:35:00.000Z')).toMatch(/^08:00\s*–\s*08:05$/);
    expect(f.zone).toBe('Asia/Kabul, GMT+4:30');
    expect(f.interval).toBe('5 minutes');
  });

  it('names the day when the check-ins span several, and days alone for daily intervals', () => {
    const hourly = dashboardFormats(
      'en-GB',
      'UTC',
      timeline(60, '2027-11-21T08:00:00.000Z', '2027-11-22T08:00:00.000Z'),
      '—',
    );
    expect(hourly.time('2027-11-22T08:00:00.000Z')).toBe('22 Nov, 08:00');
    expect(hourly.interval).toBe('1 hour');
    const daily = dashboardFormats('en-GB', 'UTC', timeline(1440, '2027-11-21T00:00:00.000Z'), '—');
    expect(daily.time('2027-11-21T00:00:00.000Z')).toBe('21 Nov');
    expect(daily.interval).toBe('1 day');
  });

  it("formats numbers and shares in the reader's language, and says when there is no share", () => {
    const f = dashboardFormats('fr', 'UTC', timeline(1), 'pas encore');
    expect(f.number(12345)).toBe('12\u202f345');
    expect(f.percent(0.375)).toBe('38\u00a0%');
    expect(f.percent(undefined)).toBe('pas encore');
    expect(f.list(['A 1', 'B 2'])).toBe('A 1 et B 2');
  });
});
