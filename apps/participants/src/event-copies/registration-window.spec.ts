import { describe, expect, it } from '@jest/globals';
import type { Principal } from '@plenary/auth';
import type { EventState } from '@plenary/contracts';
import { atVenue, registrationRefusal } from './registration-window.js';
import type { EventCopy } from './schemas/event-copy.schema.js';

const coordinator: Principal = { subject: 'c', role: 'coordinator', eventId: 'e', party: 'KAZ' };
const secretariat: Principal = { subject: 's', role: 'secretariat' };
const NOW = new Date('2027-10-01T12:00:00Z');

const meeting = (
  state: EventState,
  window = { opensAt: '2027-09-01T00:00:00Z', closesAt: '2027-11-07T13:00:00Z' },
): EventCopy => ({
  _id: 'e',
  title: 'Almaty Process meeting',
  state,
  startsAt: new Date('2027-11-21T04:00:00Z'),
  endsAt: new Date('2027-11-21T13:00:00Z'),
  timeZone: 'Asia/Almaty',
  parties: [],
  registration: {
    opensAt: new Date(window.opensAt),
    closesAt: new Date(window.closesAt),
    quotaPerDelegation: 6,
  },
  deleted: false,
  version: 3,
});

describe('registrationRefusal', () => {
  it('lets coordinators register while registration is open and within its window', () => {
    expect(registrationRefusal(meeting('registration-open'), coordinator, NOW)).toBeUndefined();
  });

  it.each([
    ['draft', 'REGISTRATION_NOT_OPEN'],
    ['announced', 'REGISTRATION_NOT_OPEN'],
    ['registration-closed', 'REGISTRATION_CLOSED'],
    ['in-session', 'REGISTRATION_CLOSED'],
    ['concluded', 'EVENT_CONCLUDED'],
    ['cancelled', 'EVENT_CANCELLED'],
  ] as const)('refuses coordinators when the meeting is %s (%s)', (state, code) => {
    expect(registrationRefusal(meeting(state), coordinator, NOW)?.code).toBe(code);
  });

  it('says when registration closed or will open, in the time of the venue', () => {
    const late = new Date('2027-11-10T00:00:00Z');
    expect(registrationRefusal(meeting('registration-open'), coordinator, late)?.message).toBe(
      'Registration for "Almaty Process meeting" closed on 7 November 2027, 18:00 (Asia/Almaty); ask the secretariat.',
    );
    const early = new Date('2027-08-01T00:00:00Z');
    expect(registrationRefusal(meeting('registration-open'), coordinator, early)).toEqual({
      code: 'REGISTRATION_NOT_OPEN',
      message: 'Registration for "Almaty Process meeting" opens on 1 September 2027, 05:00 (Asia/Almaty).',
    });
  });

  it('lets the secretariat register late, but not for a cancelled or concluded meeting', () => {
    expect(registrationRefusal(meeting('registration-closed'), secretariat, NOW)).toBeUndefined();
    expect(registrationRefusal(meeting('in-session'), secretariat, NOW)).toBeUndefined();
    expect(registrationRefusal(meeting('cancelled'), secretariat, NOW)?.code).toBe('EVENT_CANCELLED');
    expect(registrationRefusal(meeting('announced'), secretariat, NOW)?.code).toBe('REGISTRATION_NOT_OPEN');
  });

  it('writes moments as people at the venue read them', () => {
    expect(atVenue(new Date('2027-11-21T04:00:00Z'), 'Asia/Almaty')).toBe(
      '21 November 2027, 09:00 (Asia/Almaty)',
    );
  });
});
