import {
  type EventMessageType,
  type EventState,
  type EventView,
  LIFECYCLE_FROM,
  type LifecycleAction,
} from '@plenary/contracts';
import { EventsErrorCode, EventsException } from './events.exception.js';

export type { LifecycleAction };

interface Transition {
  from: readonly EventState[];
  to: EventState;
  message: EventMessageType;
  /** What the action does, for error messages: "open registration for". */
  verb: string;
  /** Why the action is refused from any other state. */
  rule: string;
}

/**
 * The lifecycle of a meeting:
 * draft → announced → registration-open → registration-closed → in-session → concluded;
 * cancelled from any state before concluded; postponed (new dates) back to announced.
 */
export const TRANSITIONS: Record<LifecycleAction, Transition> = {
  announce: {
    from: LIFECYCLE_FROM.announce,
    to: 'announced',
    message: 'event.announced',
    verb: 'announce',
    rule: 'only a draft is announced, once',
  },
  'open-registration': {
    from: LIFECYCLE_FROM['open-registration'],
    to: 'registration-open',
    message: 'event.registration-opened',
    verb: 'open registration for',
    rule: 'registration opens once the meeting is announced (draft → announced → registration-open)',
  },
  'close-registration': {
    from: LIFECYCLE_FROM['close-registration'],
    to: 'registration-closed',
    message: 'event.registration-closed',
    verb: 'close registration for',
    rule: 'only open registration can be closed',
  },
  start: {
    from: LIFECYCLE_FROM.start,
    to: 'in-session',
    message: 'event.started',
    verb: 'start',
    rule: 'a meeting starts once announced, and after its registration has closed',
  },
  conclude: {
    from: LIFECYCLE_FROM.conclude,
    to: 'concluded',
    message: 'event.concluded',
    verb: 'conclude',
    rule: 'only a meeting in session is concluded',
  },
  cancel: {
    from: LIFECYCLE_FROM.cancel,
    to: 'cancelled',
    message: 'event.cancelled',
    verb: 'cancel',
    rule: 'a concluded or already cancelled meeting cannot be cancelled',
  },
  postpone: {
    from: LIFECYCLE_FROM.postpone,
    to: 'announced',
    message: 'event.postponed',
    verb: 'postpone',
    rule: 'an announced meeting that has not started is postponed; a draft simply gets new dates',
  },
};

/** Moves the meeting to the action's next state, or refuses with a 409 that says from where to where and why. */
export function applyTransition(event: EventView, action: LifecycleAction): EventView {
  const transition = TRANSITIONS[action];
  if (!transition.from.includes(event.state)) {
    throw new EventsException(
      EventsErrorCode.INVALID_TRANSITION,
      `Cannot ${transition.verb} this meeting: it is ${event.state}, and ${transition.rule} (${event.state} → ${transition.to} is not allowed).`,
    );
  }
  if (action === 'open-registration' && !event.registration) {
    throw new EventsException(
      EventsErrorCode.REGISTRATION_NOT_SET,
      'Cannot open registration: set the registration window and quota first (PATCH /events/:id with "registration").',
    );
  }
  event.state = transition.to;
  return event;
}

/** Concluded and cancelled meetings are a record: they no longer change. */
export function assertEditable(event: EventView): void {
  if (event.state === 'concluded' || event.state === 'cancelled') {
    throw new EventsException(
      EventsErrorCode.EVENT_CLOSED,
      `This meeting is ${event.state}; it can no longer be changed.`,
    );
  }
}
