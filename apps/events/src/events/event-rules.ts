import type { EventView } from '@plenary/contracts';
import type { FieldError } from '@plenary/http';

const time = (iso: string) => Date.parse(iso);

/**
 * The rules a meeting must satisfy as a whole, after any change: a 400 names each field that
 * breaks one. `before` is the meeting before the change (absent on creation): times are
 * refused in the past only where the change sets them.
 */
export function checkEventRules(event: EventView, now: Date, before?: EventView): FieldError[] {
  const errors: FieldError[] = [];
  const fail = (field: string, message: string) => errors.push({ field, messages: [message] });

  if (time(event.endsAt) < time(event.startsAt)) fail('endsAt', 'endsAt must not be before startsAt');
  if ((!before || before.startsAt !== event.startsAt) && time(event.startsAt) <= now.getTime()) {
    fail('startsAt', `startsAt must be in the future (now is ${now.toISOString()})`);
  }

  const registration = event.registration;
  if (registration) {
    const changed = JSON.stringify(before?.registration) !== JSON.stringify(registration);
    if (time(registration.closesAt) <= time(registration.opensAt)) {
      fail('registration.closesAt', 'registration.closesAt must be after registration.opensAt');
    } else if (time(registration.closesAt) > time(event.endsAt)) {
      fail('registration.closesAt', 'registration.closesAt must not be after the meeting ends');
    } else if (changed && time(registration.closesAt) <= now.getTime()) {
      fail('registration.closesAt', 'registration.closesAt must be in the future');
    }
  }

  const codes = new Set(event.parties.map((p) => p.code));
  for (const role of ['hostParty', 'chairParty'] as const) {
    const code = event[role];
    if (code !== undefined && !codes.has(code))
      fail(role, `${role} ${code} is not one of the parties of this meeting`);
  }
  for (const standing of ['chair', 'host'] as const) {
    const holders = event.parties.filter((p) => p.standings.includes(standing)).map((p) => p.code);
    if (holders.length > 1)
      fail('parties', `only one party can be ${standing}, not ${holders.join(' and ')}`);
  }

  event.agenda.forEach((item, i) => {
    if (item.slot) {
      const [start, end] = [time(item.slot.startsAt), time(item.slot.endsAt)];
      if (end < start) fail(`agenda[${i}].slot.endsAt`, 'the slot must not end before it starts');
      if (start < time(event.startsAt) || end > time(event.endsAt)) {
        fail(
          `agenda[${i}].slot.startsAt`,
          `the slot must lie within the meeting (${event.startsAt} to ${event.endsAt})`,
        );
      }
    }
    item.presenters.forEach((presenter, j) => {
      if (presenter.party !== undefined && !codes.has(presenter.party)) {
        fail(
          `agenda[${i}].presenters[${j}].party`,
          `${presenter.party} is not one of the parties of this meeting`,
        );
      }
    });
  });
  return errors;
}

/**
 * Host and chair are both a field of the meeting and a standing of a party: naming a host or
 * chair gives that party the standing, and a single party holding it names the field.
 */
export function withPartyRoles(event: EventView): EventView {
  for (const [field, standing] of [
    ['hostParty', 'host'],
    ['chairParty', 'chair'],
  ] as const) {
    const holders = event.parties.filter((p) => p.standings.includes(standing));
    if (event[field] === undefined && holders.length === 1) event[field] = holders[0].code;
    const named = event.parties.find((p) => p.code === event[field]);
    if (named && !named.standings.includes(standing)) named.standings.push(standing);
  }
  return event;
}
