import { describe, expect, it } from '@jest/globals';
import type { EventView } from '@plenary/contracts';
import ICAL from 'ical.js';
import { renderEventCalendar } from './event-calendar.js';

const meeting = (overrides: Partial<EventView> = {}): EventView => ({
  id: '0192f0c4-5b1e-7d3a-9f10-6a1d2e3c4b5a',
  title: 'Ministerial conference',
  kind: 'meeting',
  state: 'announced',
  languages: ['en'],
  startsAt: '2026-10-24T07:00:00.000Z',
  endsAt: '2026-10-26T16:00:00.000Z',
  timeZone: 'Europe/Berlin',
  parties: [],
  agenda: [],
  version: 3,
  createdAt: '2026-06-01T08:00:00.000Z',
  updatedAt: '2026-06-02T09:30:00.000Z',
  ...overrides,
});

function read(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

describe('renderEventCalendar', () => {
  it('writes local times with TZID that name the stored instants across a change of offset', () => {
    const event = meeting();
    const text = renderEventCalendar(event);
    expect(text).toContain('DTSTART;TZID=Europe/Berlin:20261024T090000\r\n');
    expect(text).toContain('DTEND;TZID=Europe/Berlin:20261026T170000\r\n');
    const { calendar, event: read_ } = read(text);
    expect(calendar.getFirstSubcomponent('vtimezone')!.getFirstPropertyValue('tzid')).toBe('Europe/Berlin');
    expect(read_.startDate.zone!.tzid).toBe('Europe/Berlin');
    expect(read_.startDate.utcOffset()).toBe(7200);
    expect(read_.endDate.utcOffset()).toBe(3600);
    expect(read_.startDate.toJSDate().toISOString()).toBe(event.startsAt);
    expect(read_.endDate.toJSDate().toISOString()).toBe(event.endsAt);
  });

  it('keeps DTSTAMP, CREATED and LAST-MODIFIED in UTC', () => {
    const text = renderEventCalendar(meeting());
    expect(text).toContain('DTSTAMP:20260602T093000Z\r\n');
    expect(text).toContain('CREATED:20260601T080000Z\r\n');
    expect(text).toContain('LAST-MODIFIED:20260602T093000Z\r\n');
    expect(text).toContain('X-WR-TIMEZONE:Europe/Berlin\r\n');
  });

  it.each([
    ['Asia/Almaty', '2027-11-21T04:00:00.000Z', '2027-11-21T13:00:00.000Z', '20271121T090000'],
    ['America/New_York', '2027-03-13T14:00:00.000Z', '2027-03-15T21:00:00.000Z', '20270313T090000'],
    ['Australia/Sydney', '2027-04-02T22:00:00.000Z', '2027-04-05T06:00:00.000Z', '20270403T090000'],
  ])('is read back to the same instants in %s', (timeZone, startsAt, endsAt, localStart) => {
    const text = renderEventCalendar(meeting({ timeZone, startsAt, endsAt }));
    expect(text).toContain(`DTSTART;TZID=${timeZone}:${localStart}\r\n`);
    const { event } = read(text);
    expect(event.startDate.toJSDate().toISOString()).toBe(startsAt);
    expect(event.endDate.toJSDate().toISOString()).toBe(endsAt);
  });

  it("lists the agenda with its times in the venue's zone, which the VTIMEZONE covers", () => {
    const text = renderEventCalendar(
      meeting({
        agenda: [
          {
            id: 'a',
            title: 'Opening',
            slot: { startsAt: '2026-10-25T08:00:00.000Z', endsAt: '2026-10-25T08:30:00.000Z' },
            presenters: [],
            documents: [],
          },
        ],
      }),
    );
    const { event } = read(text);
    expect(event.description).toBe('Agenda (Europe/Berlin):\n1. Opening (09:00–09:30)');
  });

  it.each([
    ['the first', '2026-10-25T00:30:00.000Z', '20261025T003000Z'],
    ['the second', '2026-10-25T01:30:00.000Z', '20261025T013000Z'],
  ])(
    'writes UTC for %s 02:30 of the night Berlin goes back, a local time that names two instants',
    (_, startsAt, utc) => {
      const text = renderEventCalendar(meeting({ startsAt, endsAt: '2026-10-25T05:00:00.000Z' }));
      expect(text).toContain(`DTSTART:${utc}\r\n`);
      expect(text).not.toContain('TZID=');
      expect(read(text).event.startDate.toJSDate().toISOString()).toBe(startsAt);
    },
  );
});
