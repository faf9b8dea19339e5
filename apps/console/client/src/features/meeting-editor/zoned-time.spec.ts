import { describe, expect, it } from '@jest/globals';
import { isoToZoned, zonedToIso, zoneOffsetLabel } from './zoned-time';

describe('times in the meeting’s time zone', () => {
  it('reads a wall-clock time in the zone, not in the browser’s', () => {
    expect(zonedToIso('2027-11-21T09:00', 'Asia/Almaty')).toBe('2027-11-21T09:00:00+05:00');
    expect(zonedToIso('2027-11-21T09:00', 'America/New_York')).toBe('2027-11-21T09:00:00-05:00');
    expect(zonedToIso('2027-07-01T09:30', 'Asia/Kolkata')).toBe('2027-07-01T09:30:00+05:30');
    expect(zonedToIso('2027-07-01T09:00', 'UTC')).toBe('2027-07-01T09:00:00+00:00');
  });

  it('follows summer time on either side of a change', () => {
    expect(zonedToIso('2027-03-27T12:00', 'Europe/Paris')).toBe('2027-03-27T12:00:00+01:00');
    expect(zonedToIso('2027-03-28T12:00', 'Europe/Paris')).toBe('2027-03-28T12:00:00+02:00');
    // 02:30 does not exist that night: clocks go from 02:00 to 03:00.
    expect(zonedToIso('2027-03-28T02:30', 'Europe/Paris')).toBe('2027-03-28T03:30:00+02:00');
  });

  it('shows a stored UTC time as the zone’s wall clock, and back', () => {
    expect(isoToZoned('2027-11-21T04:00:00.000Z', 'Asia/Almaty')).toBe('2027-11-21T09:00');
    for (const zone of ['Asia/Almaty', 'Europe/Paris', 'America/Los_Angeles', 'Asia/Kathmandu']) {
      const iso = zonedToIso('2027-10-31T08:15', zone);
      expect(isoToZoned(iso, zone)).toBe('2027-10-31T08:15');
    }
  });

  it('leaves what is no time for the contract to refuse', () => {
    expect(zonedToIso('', 'Asia/Almaty')).toBe('');
    expect(zonedToIso('tomorrow', 'Asia/Almaty')).toBe('tomorrow');
    expect(zonedToIso('2027-11-21T09:00', 'Mars/Olympus')).toBe('2027-11-21T09:00');
    expect(isoToZoned(undefined, 'Asia/Almaty')).toBe('');
  });

  it('names the offset beside a time', () => {
    expect(zoneOffsetLabel('Asia/Almaty', Date.parse('2027-11-21T04:00:00Z'))).toBe('UTC+05:00');
    expect(zoneOffsetLabel('America/St_Johns', Date.parse('2027-01-21T04:00:00Z'))).toBe('UTC-03:30');
  });
});
