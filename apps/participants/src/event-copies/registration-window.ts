import type { Principal } from '@plenary/auth';
import type { EventCopy } from './schemas/event-copy.schema.js';

export type RegistrationRefusalCode =
  'REGISTRATION_NOT_OPEN' | 'REGISTRATION_CLOSED' | 'EVENT_CANCELLED' | 'EVENT_CONCLUDED';

export interface RegistrationRefusal {
  code: RegistrationRefusalCode;
  message: string;
}

/** A moment as people at the venue read it: "7 November 2027, 18:00 (Asia/Almaty)". */
export function atVenue(date: Date, timeZone: string): string {
  const text = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return `${text.replace(' at ', ', ')} (${timeZone})`;
}

/**
 * Whether delegations and people may be registered now, and if not, why. Coordinators register
 * while registration is open and within its window; the secretariat may also register late
 * (after registration closed, or during the session).
 */
export function registrationRefusal(
  event: EventCopy,
  actor: Principal,
  now: Date,
): RegistrationRefusal | undefined {
  const meeting = `"${event.title}"`;
  const window = event.registration;
  switch (event.state) {
    case 'cancelled':
      return {
        code: 'EVENT_CANCELLED',
        message: `${meeting} was cancelled; nothing can be registered for it.`,
      };
    case 'concluded':
      return { code: 'EVENT_CONCLUDED', message: `${meeting} has concluded.` };
    case 'draft':
    case 'announced': {
      const opens =
        window && window.opensAt > now ? `; it is to open on ${atVenue(window.opensAt, event.timeZone)}` : '';
      return {
        code: 'REGISTRATION_NOT_OPEN',
        message: `Registration for ${meeting} has not opened yet${opens}.`,
      };
    }
    case 'registration-closed':
    case 'in-session':
      if (actor.role === 'secretariat') return undefined;
      return {
        code: 'REGISTRATION_CLOSED',
        message: `Registration for ${meeting} is closed${window ? ` (since ${atVenue(window.closesAt, event.timeZone)})` : ''}; ask the secretariat.`,
      };
    case 'registration-open':
      if (window && now < window.opensAt) {
        return {
          code: 'REGISTRATION_NOT_OPEN',
          message: `Registration for ${meeting} opens on ${atVenue(window.opensAt, event.timeZone)}.`,
        };
      }
      if (window && now > window.closesAt && actor.role !== 'secretariat') {
        return {
          code: 'REGISTRATION_CLOSED',
          message: `Registration for ${meeting} closed on ${atVenue(window.closesAt, event.timeZone)}; ask the secretariat.`,
        };
      }
      return undefined;
  }
}
