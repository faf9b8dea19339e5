import type { EventView } from '@plenary/contracts';
import ical, { escape, ICalCalendarMethod, type ICalDayJsStub, ICalEventStatus } from 'ical-generator';
import { formatWallClock, instantsOf, wallClockAt } from './time-zone-rules.js';
import { vtimezone } from './vtimezone.js';

const STATUS: Partial<Record<EventView['state'], ICalEventStatus>> = {
  draft: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
};

/**
 * A moment as the clock in `zone` shows it, in the shape ical-generator reads (its Day.js
 * interface): with a time zone set, it writes the values given as the local time after TZID.
 */
function localTime(at: Date, zone: string): ICalDayJsStub {
  const [date, time] = formatWallClock(wallClockAt(zone, at)).split('T');
  const self: ICalDayJsStub = {
    format: (pattern?: string) =>
      pattern === 'YYYYMMDD' ? date : pattern === 'HHmmss' ? time : `${date}T${time}`,
    isValid: () => true,
    toDate: () => new Date(at),
    toJSON: () => at.toISOString(),
    tz: () => self,
  };
  return self;
}

/**
 * True when the local time of `at` in `zone` names `at` and nothing else. In the hour that occurs
 * twice when clocks go back it names two instants: RFC 5545 reads it as the first, some readers
 * (ical.js among them) as the second, so such a time is better written in UTC.
 */
function hasOwnLocalTime(at: Date, zone: string): boolean {
  const whole = Math.floor(at.getTime() / 1000) * 1000;
  const named = instantsOf(zone, wallClockAt(zone, at));
  return named.length === 1 && named[0].getTime() === whole;
}

/** The first and last moments the file names: the meeting's dates and its agenda's time slots. */
function span(event: EventView): [Date, Date] {
  const times = [
    event.startsAt,
    event.endsAt,
    ...event.agenda.flatMap((i) => (i.slot ? [i.slot.startsAt, i.slot.endsAt] : [])),
  ].map((t) => new Date(t).getTime());
  return [new Date(Math.min(...times)), new Date(Math.max(...times))];
}

function agendaLine(item: EventView['agenda'][number], index: number, zone: string): string {
  const clock = (iso: string) => {
    const c = wallClockAt(zone, new Date(iso));
    return `${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}`;
  };
  const slot = item.slot ? ` (${clock(item.slot.startsAt)}–${clock(item.slot.endsAt)})` : '';
  return `${index + 1}. ${item.title}${slot}`;
}

/**
 * An iCalendar file with the meeting as one VEVENT. Its UID stays the same and its SEQUENCE is
 * the meeting's version, so that calendar clients update the entry they imported instead of
 * adding another when the meeting is postponed or cancelled. DTSTART and DTEND are the venue's
 * local times with TZID, and a VTIMEZONE (RFC 5545 §3.6.5) built from the platform's time zone
 * data tells every client what those times mean on these dates, daylight saving included.
 * (X-WR-TIMEZONE names the zone too, for the clients that show a calendar's zone by it.) A
 * start or end in the repeated hour when clocks go back has a local time that names two
 * instants: then the event's times are written in UTC, which no reader can take for the other.
 */
export function renderEventCalendar(event: EventView): string {
  const zone = event.timeZone;
  const [from, to] = span(event);
  const calendar = ical({
    // ical-generator writes the calendar's name (NAME, X-WR-CALNAME) as given, unlike the event's
    // text: a line break in a title would start properties, or whole events, of the writer's own.
    name: escape(event.title, false),
    prodId: { company: 'Plenary', product: 'events', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone (name null): DTSTAMP, CREATED and LAST-MODIFIED stay in UTC, as RFC
    // 5545 wants them; the generator writes the VTIMEZONE of the event's own zone.
    timezone: { name: null, generator: (tzid) => vtimezone(tzid, from, to) },
    x: [{ key: 'X-WR-TIMEZONE', value: zone }],
  });
  const start = new Date(event.startsAt);
  const end = new Date(event.endsAt);
  const local = hasOwnLocalTime(start, zone) && hasOwnLocalTime(end, zone);
  const venue = event.venue
    ? [event.venue.name, event.venue.address, event.venue.city].filter(Boolean).join(', ')
    : undefined;
  const agenda = event.agenda.map((item, i) => agendaLine(item, i, zone)).join('\n');
  calendar.createEvent({
    id: `${event.id}@plenary`,
    sequence: event.version,
    ...(local
      ? { timezone: zone, start: localTime(start, zone), end: localTime(end, zone) }
      : { start, end }),
    stamp: new Date(event.updatedAt),
    lastModified: new Date(event.updatedAt),
    created: new Date(event.createdAt),
    summary: event.title,
    description:
      [event.description, agenda && `Agenda (${zone}):\n${agenda}`].filter(Boolean).join('\n\n') || undefined,
    location: venue,
    status: STATUS[event.state] ?? ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
