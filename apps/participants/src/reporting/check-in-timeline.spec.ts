import { describe, expect, it } from '@jest/globals';
import { checkInTimeline, MAX_BUCKETS, zoneOffsetMinutes } from './check-in-timeline.js';

const at = (iso: string, count = 1) => ({ at: new Date(iso), count });

describe('check-in timeline', () => {
  it('is empty when nobody has checked in', () => {
    expect(checkInTimeline([], 'Asia/Almaty')).toEqual({
      bucketMinutes: 1,
      timeZone: 'Asia/Almaty',
      buckets: [],
    });
  });

  it('counts a quick burst by the minute, in consecutive minutes with the empty ones', () => {
    const timeline = checkInTimeline(
      [at('2027-11-21T03:12:05Z'), at('2027-11-21T03:12:59Z', 2), at('2027-11-21T03:14:00Z')],
      'Asia/Almaty',
    );
    expect(timeline).toEqual({
      bucketMinutes: 1,
      timeZone: 'Asia/Almaty',
      buckets: [
        { startsAt: '2027-11-21T03:12:00.000Z', count: 3 },
        { startsAt: '2027-11-21T03:13:00.000Z', count: 0 },
        { startsAt: '2027-11-21T03:14:00.000Z', count: 1 },
      ],
    });
  });

  it('takes the shortest interval that keeps the chart within its bars', () => {
    const morning = checkInTimeline([at('2027-11-21T03:00:00Z'), at('2027-11-21T06:59:00Z')], 'UTC');
    expect(morning.bucketMinutes).toBe(5);
    expect(morning.buckets).toHaveLength(48);
    const day = checkInTimeline([at('2027-11-21T03:00:00Z'), at('2027-11-21T15:00:00Z')], 'UTC');
    expect(day.bucketMinutes).toBe(30);
    const week = checkInTimeline([at('2027-11-21T03:00:00Z'), at('2027-11-26T15:00:00Z')], 'UTC');
    expect(week.bucketMinutes).toBe(180);
    for (const t of [morning, day, week]) expect(t.buckets.length).toBeLessThanOrEqual(MAX_BUCKETS);
  });

  it("starts hours on the meeting's clock, where it is half an hour off UTC", () => {
    expect(zoneOffsetMinutes(new Date('2027-11-21T03:00:00Z'), 'Asia/Kabul')).toBe(270);
    const timeline = checkInTimeline(
      [at('2027-11-21T03:40:00Z'), at('2027-11-22T04:10:00Z'), at('2027-11-22T05:29:00Z')],
      'Asia/Kabul',
    );
    expect(timeline.bucketMinutes).toBe(60);
    expect(timeline.buckets[0]).toEqual({ startsAt: '2027-11-21T03:30:00.000Z', count: 1 });
    expect(timeline.buckets.at(-1)).toEqual({ startsAt: '2027-11-22T04:30:00.000Z', count: 1 });
    expect(timeline.buckets.at(-2)).toEqual({ startsAt: '2027-11-22T03:30:00.000Z', count: 1 });
    expect(timeline.buckets.reduce((n, b) => n + b.count, 0)).toBe(3);
  });

  it("starts days at the meeting's midnight", () => {
    const timeline = checkInTimeline(
      [at('2027-11-01T10:00:00Z'), at('2027-12-20T10:00:00Z')],
      'America/New_York',
    );
    expect(timeline.bucketMinutes).toBe(1440);
    // Midnight in New York, summer time (UTC-4) at the first check-in.
    expect(timeline.buckets[0].startsAt).toBe('2027-11-01T04:00:00.000Z');
  });

  it('falls back to UTC for a zone it does not know', () => {
    expect(checkInTimeline([at('2027-11-21T03:12:00Z')], 'Mars/Olympus').timeZone).toBe('UTC');
  });
});
