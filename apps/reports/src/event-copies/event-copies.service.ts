import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { EventView } from '@plenary/contracts';
import { upsertIfNewer } from '@plenary/persistence';
import type { Model } from 'mongoose';
import { EventCopy } from './schemas/event-copy.schema.js';

@Injectable()
export class EventCopiesService {
  constructor(@InjectModel(EventCopy.name) private readonly copies: Model<EventCopy>) {}

  /** Stores the meeting as the message describes it, unless the copy is already at that version or newer. */
  async apply(event: EventView, deleted = false): Promise<void> {
    await upsertIfNewer(this.copies, event.id, event.version, {
      state: event.state,
      snapshot: event,
      deleted,
    });
  }

  /** The meeting as this service knows it; a deleted draft is unknown. */
  async find(eventId: string): Promise<EventView | undefined> {
    const copy = await this.copies.findById(eventId).lean<EventCopy>().exec();
    return copy && !copy.deleted ? copy.snapshot : undefined;
  }
}
