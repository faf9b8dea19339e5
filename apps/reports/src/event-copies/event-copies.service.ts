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
        fields: { state: event.state, snapshot: event, deleted },
      })),
    );
  }

  /** The meeting as this service knows it; a deleted draft is unknown. */
  async find(eventId: string): Promise<EventView | undefined> {
    const copy = await this.copies.findById(eventId).lean<EventCopy>().exec();
    return copy && !copy.deleted ? copy.snapshot : undefined;
  }
}
