import type { EventView } from '@plenary/contracts';
import ical, { escape, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';

const STATUS: Partial<Record<EventView['state'], ICalEventStatus>> = {
  draft: ICalEventStatus.TENTATIVE,
  cancelled: ICalEventStatus.CANCELLED,
};

/**
 * An iCalendar file with the meeting as one VEVENT. Its UID stays the same and its SEQUENCE is
 * the meeting's version, so that calendar clients update the entry they imported instead of
 * adding another when the meeting is postponed or cancelled. Times are in UTC, which every
 * client reads; X-WR-TIMEZONE names the venue's zone.
 */
export function renderEventCalendar(event: EventView): string {
  const calendar = ical({
    // ical-generator writes the calendar's name (NAME, X-WR-CALNAME) as given, unlike the event's
    // text: a line break in a title would start properties, or whole events, of the writer's own.
    name: escape(event.title, false),
    prodId: { company: 'Plenary', product: 'events', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    x: [{ key: 'X-WR-TIMEZONE', value: event.timeZone }],
  });
  const venue = event.venue
    ? [event.venue.name, event.venue.address, event.venue.city].filter(Boolean).join(', ')
    : undefined;
  const agenda = event.agenda.map((item, i) => `${i + 1}. ${item.title}`).join('\n');
  calendar.createEvent({
    id: `${event.id}@plenary`,
    sequence: event.version,
    start: new Date(event.startsAt),
    end: new Date(event.endsAt),
    stamp: new Date(event.updatedAt),
    lastModified: new Date(event.updatedAt),
    created: new Date(event.createdAt),
    summary: event.title,
    description:
      [event.description, agenda && `Agenda:\n${agenda}`].filter(Boolean).join('\n\n') || undefined,
    location: venue,
    status: STATUS[event.state] ?? ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}
