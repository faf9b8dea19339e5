import { describe, expect, it } from '@jest/globals';
import { EVENT_STATES, type EventState, type EventView } from '@plenary/contracts';
import { applyTransition, assertEditable, type LifecycleAction, TRANSITIONS } from './event-lifecycle.js';
import { EventsException } from './events.exception.js';

function inState(state: EventState, registration = true): EventView {
  return {
    id: 'e-1',
    title: 'Meeting',
    kind: 'meeting',
    state,
    languages: [],
    startsAt: '2027-03-01T09:00:00.000Z',
    endsAt: '2027-03-01T17:00:00.000Z',
    timeZone: 'UTC',
    parties: [],
    agenda: [],
    ...(registration
      ? {
          registration: {
            opensAt: '2027-01-01T00:00:00.000Z',
            closesAt: '2027-02-01T00:00:00.000Z',
            quotaPerDelegation: 5,
          },
        }
      : {}),
    version: 1,
    createdAt: '2027-01-01T00:00:00.000Z',
    updatedAt: '2027-01-01T00:00:00.000Z',
  };
}

const ALLOWED: Record<LifecycleAction, Partial<Record<EventState, EventState>>> = {
  announce: { draft: 'announced' },
  'open-registration': { announced: 'registration-open' },
  'close-registration': { 'registration-open': 'registration-closed' },
  start: { announced: 'in-session', 'registration-closed': 'in-session' },
  conclude: { 'in-session': 'concluded' },
  cancel: {
    draft: 'cancelled',
    announced: 'cancelled',
    'registration-open': 'cancelled',
    'registration-closed': 'cancelled',
    'in-session': 'cancelled',
  },
  postpone: { announced: 'announced', 'registration-open': 'announced', 'registration-closed': 'announced' },
};

describe('the lifecycle of a meeting', () => {
  for (const action of Object.keys(TRANSITIONS) as LifecycleAction[]) {
    for (const state of EVENT_STATES) {
      const to = ALLOWED[action][state];
      if (to) {
        it(`${action}: ${state} → ${to}`, () => {
          expect(applyTransition(inState(state), action).state).toBe(to);
        });
      } else {
        it(`${action}: refused from ${state}, saying from where to where and why`, () => {
          let error: unknown;
          try {
            applyTransition(inState(state), action);
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(EventsException);
          const refusal = error as EventsException;
          expect(refusal.getStatus()).toBe(409);
          expect(refusal.code).toBe('INVALID_TRANSITION');
          expect(refusal.message).toContain(`it is ${state}`);
          expect(refusal.message).toContain(`(${state} → ${TRANSITIONS[action].to} is not allowed)`);
        });
      }
    }
  }

  it('opens registration only once its window and quota are set', () => {
    expect(() => applyTransition(inState('announced', false), 'open-registration')).toThrow(
      expect.objectContaining({ code: 'REGISTRATION_NOT_SET' }),
    );
  });

  it('keeps concluded and cancelled meetings as they are', () => {
    expect(() => assertEditable(inState('concluded'))).toThrow(
      expect.objectContaining({ code: 'EVENT_CLOSED' }),
    );
    expect(() => assertEditable(inState('cancelled'))).toThrow(
      expect.objectContaining({ code: 'EVENT_CLOSED' }),
    );
    expect(() => assertEditable(inState('registration-open'))).not.toThrow();
  });
});
