import { describe, expect, it } from '@jest/globals';
import ICAL from 'ical.js';
import { formatUtcOffset, vtimezone } from './vtimezone.js';
import { instantsOf, offsetChanges, wallClockAt } from './time-zone-rules.js';

const HOUR = 3_600_000;

/** The VTIMEZONE as ical.js, an independent reader, understands it. */
function parsed(zone: string, from: string, to: string) {
  const text = vtimezone(zone, new Date(from), new Date(to));
  const component = new ICAL.Component(ICAL.parse(`BEGIN:VCALENDAR\r\n${text}\r\nEND:VCALENDAR`));
  const vtimezoneComponent = component.getFirstSubcomponent('vtimezone')!;
  const observances = vtimezoneComponent.getAllSubcomponents().map((c) => ({
    kind: c.name,
    start: String(c.getFirstPropertyValue('dtstart')),
    from: String(c.getFirstProperty('tzoffsetfrom')!.toICALString()).split(':')[1],
    to: String(c.getFirstProperty('tzoffsetto')!.toICALString()).split(':')[1],
    name: c.getFirstPropertyValue('tzname'),
  }));
  return { text, zone: new ICAL.Timezone(vtimezoneComponent), observances };
}

/**
 * Every half hour of [from, to]: its local time in the zone, read back by ical.js through the
 * VTIMEZONE, names the same instant. The local times of the hour that occurs twice when clocks go
 * back name two instants (the calendar writes those in UTC): they are counted, not compared.
 */
function expectEveryLocalTimeResolves(zoneName: string, from: string, to: string, repeated = 0) {
  const { zone } = parsed(zoneName, from, to);
  let ambiguous = 0;
  for (let t = new Date(from).getTime(); t <= new Date(to).getTime(); t += HOUR / 2) {
    const clock = wallClockAt(zoneName, new Date(t));
    if (instantsOf(zoneName, clock).length > 1) {
      ambiguous++;
      continue;
    }
    const time = ICAL.Time.fromData({ ...clock, isDate: false }, zone);
    expect(time.toJSDate().toISOString()).toBe(new Date(t).toISOString());
  }
  expect(ambiguous).toBe(repeated);
}

describe('vtimezone', () => {
  it('writes one standard observance for a zone without daylight saving (Asia/Almaty)', () => {
    const { text, observances } = parsed('Asia/Almaty', '2027-11-21T04:00:00Z', '2027-11-22T13:00:00Z');
    expect(text).toMatch(/^BEGIN:VTIMEZONE\r\nTZID:Asia\/Almaty\r\n/);
    expect(observances).toEqual([
      { kind: 'standard', start: expect.any(String), from: '+0500', to: '+0500', name: '+05' },
    ]);
    expectEveryLocalTimeResolves('Asia/Almaty', '2027-11-21T04:00:00Z', '2027-11-22T13:00:00Z');
  });

  it('names the change when Almaty moved from UTC+6 to UTC+5 (1 March 2024)', () => {
    const { observances } = parsed('Asia/Almaty', '2024-02-28T00:00:00Z', '2024-03-02T00:00:00Z');
    expect(observances.at(-1)).toEqual({
      kind: 'standard',
      start: '2024-03-01T00:00:00',
      from: '+0600',
      to: '+0500',
      name: '+05',
    });
    expect(observances.at(-2)).toMatchObject({ to: '+0600' });
    expectEveryLocalTimeResolves('Asia/Almaty', '2024-02-28T00:00:00Z', '2024-03-02T00:00:00Z', 4);
  });

  it('covers a meeting across the autumn change in Berlin', () => {
    const { observances } = parsed('Europe/Berlin', '2026-10-23T07:00:00Z', '2026-10-27T16:00:00Z');
    expect(observances).toEqual([
      { kind: 'daylight', start: '2026-03-29T02:00:00', from: '+0100', to: '+0200', name: 'CEST' },
      { kind: 'standard', start: '2026-10-25T03:00:00', from: '+0200', to: '+0100', name: 'CET' },
    ]);
    expectEveryLocalTimeResolves('Europe/Berlin', '2026-10-23T07:00:00Z', '2026-10-27T16:00:00Z', 4);
  });

  it('covers a meeting across the spring change in New York', () => {
    const { observances } = parsed('America/New_York', '2026-03-06T14:00:00Z', '2026-03-10T22:00:00Z');
    expect(observances).toEqual([
      { kind: 'standard', start: '2025-11-02T02:00:00', from: '-0400', to: '-0500', name: 'EST' },
      { kind: 'daylight', start: '2026-03-08T02:00:00', from: '-0500', to: '-0400', name: 'EDT' },
    ]);
    expectEveryLocalTimeResolves('America/New_York', '2026-03-06T14:00:00Z', '2026-03-10T22:00:00Z');
  });

  it('covers the southern hemisphere, where summer time ends in April (Sydney)', () => {
    const { observances } = parsed('Australia/Sydney', '2026-04-02T22:00:00Z', '2026-04-07T07:00:00Z');
    expect(observances).toEqual([
      { kind: 'daylight', start: '2025-10-05T02:00:00', from: '+1000', to: '+1100', name: 'AEDT' },
      { kind: 'standard', start: '2026-04-05T03:00:00', from: '+1100', to: '+1000', name: 'AEST' },
    ]);
    expectEveryLocalTimeResolves('Australia/Sydney', '2026-04-02T22:00:00Z', '2026-04-07T07:00:00Z', 4);
  });

  it('writes half-hour offsets and the zone name where one exists (Asia/Kolkata)', () => {
    const { observances } = parsed('Asia/Kolkata', '2027-02-01T03:30:00Z', '2027-02-03T12:00:00Z');
    expect(observances).toEqual([
      { kind: 'standard', start: expect.any(String), from: '+0530', to: '+0530', name: 'IST' },
    ]);
  });

  it('formats UTC offsets as RFC 5545 §3.3.14 does', () => {
    expect([300, -270, 0, 330, -600, 5.5].map(formatUtcOffset)).toEqual([
      '+0500',
      '-0430',
      '+0000',
      '+0530',
      '-1000',
      '+000530',
    ]);
  });

  it('finds each change of offset to the second, from the platform data', () => {
    expect(offsetChanges('Europe/Berlin', new Date('2026-01-01Z'), new Date('2027-01-01Z'))).toEqual([
      { at: new Date('2026-03-29T01:00:00Z'), from: 60, to: 120 },
      { at: new Date('2026-10-25T01:00:00Z'), from: 120, to: 60 },
    ]);
    expect(offsetChanges('Asia/Almaty', new Date('2026-01-01Z'), new Date('2027-01-01Z'))).toEqual([]);
  });
});
