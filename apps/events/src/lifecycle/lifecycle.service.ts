import { Injectable } from '@nestjs/common';
import type { Principal } from '@plenary/auth';
import type { CancelEventDto, EventView, PostponeEventDto } from '@plenary/contracts';
import { registrationFromInput, shiftAgenda, utc } from '../events/event-input.js';
import { applyTransition, type LifecycleAction, TRANSITIONS } from '../events/event-lifecycle.js';
import { EventWriter } from '../events/event-writer.service.js';

type SimpleAction = Exclude<LifecycleAction, 'cancel' | 'postpone'>;

/** Moves meetings through their lifecycle; each step publishes its own message type. */
@Injectable()
export class LifecycleService {
  constructor(private readonly writer: EventWriter) {}

  transition(
    id: string,
    action: SimpleAction,
    actor: Principal,
    expectedVersion?: number,
  ): Promise<EventView> {
    return this.writer.change(id, {
      actor,
      expectedVersion,
      type: TRANSITIONS[action].message,
      mutate: (event) => void applyTransition(event, action),
    });
  }

  cancel(id: string, input: CancelEventDto, actor: Principal, expectedVersion?: number): Promise<EventView> {
    return this.writer.change(id, {
      actor,
      expectedVersion,
      type: 'event.cancelled',
      mutate: (event) => {
        applyTransition(event, 'cancel');
        event.stateReason = input.reason;
      },
    });
  }

  /** New dates (in the future); the agenda's slots move with the start; back to announced. */
  postpone(
    id: string,
    input: PostponeEventDto,
    actor: Principal,
    expectedVersion?: number,
  ): Promise<EventView> {
    return this.writer.change(id, {
      actor,
      expectedVersion,
      type: 'event.postponed',
      mutate: (event) => {
        applyTransition(event, 'postpone');
        const previousStart = event.startsAt;
        event.startsAt = utc(input.startsAt);
        event.endsAt = utc(input.endsAt);
        if (input.timeZone) event.timeZone = input.timeZone;
        if (input.registration) event.registration = registrationFromInput(input.registration);
        if (input.reason) event.stateReason = input.reason;
        else delete event.stateReason;
        shiftAgenda(event, previousStart);
      },
    });
  }
}
