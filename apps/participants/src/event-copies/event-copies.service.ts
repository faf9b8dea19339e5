import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { EventView } from '@plenary/contracts';
import { upsertManyIfNewer } from '@plenary/persistence';
import type { Model } from 'mongoose';
import { EventCopy } from './schemas/event-copy.schema.js';

@Injectable()
export class EventCopiesService {
  constructor(@InjectModel(EventCopy.name) private readonly copies: Model<EventCopy>) {}

  /**
   * Stores each meeting as its messages describe it, unless the copy is already at that version
   * or newer (several messages about one meeting: the newest counts).
   */
  async applyAll(changes: { event: EventView; deleted: boolean }[]): Promise<void> {
    await upsertManyIfNewer(
      this.copies,
      changes.map(({ event, deleted }) => ({
        id: event.id,
        version: event.version,
        fields: {
          title: event.title,
          state: event.state,
          startsAt: new Date(event.startsAt),
          endsAt: new Date(event.endsAt),
          timeZone: event.timeZone,
          parties: event.parties,
          registration: event.registration
            ? {
                opensAt: new Date(event.registration.opensAt),
                closesAt: new Date(event.registration.closesAt),
                quotaPerDelegation: event.registration.quotaPerDelegation,
              }
            : undefined,
          deleted,
        },
      })),
    );
  }

  /**
   * The meeting as this service knows it; a deleted draft is unknown. `parties: false` leaves out
   * the list of invited parties (hundreds for a large meeting), which most steps do not need.
   */
  async find(eventId: string, { parties = true }: { parties?: boolean } = {}): Promise<EventCopy | null> {
    const copy = await this.copies
      .findById(eventId, parties ? undefined : { parties: 0 })
      .lean<EventCopy>()
      .exec();
    return copy && !copy.deleted ? copy : null;
  }
}
