import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { EventView } from '@plenary/contracts';
import { isDuplicateKeyError } from '@plenary/persistence';
import type { Model } from 'mongoose';
import { EventCopy } from './schemas/event-copy.schema.js';

@Injectable()
export class EventCopiesService {
  constructor(@InjectModel(EventCopy.name) private readonly copies: Model<EventCopy>) {}

  /** Stores the meeting as the message describes it, unless the copy is already at that version or newer. */
  async apply(event: EventView): Promise<void> {
    try {
      await this.copies.updateOne(
        { _id: event.id, version: { $lt: event.version } },
        {
          $set: {
            title: event.title,
            state: event.state,
            startsAt: new Date(event.startsAt),
            endsAt: new Date(event.endsAt),
            timeZone: event.timeZone,
            version: event.version,
          },
        },
        { upsert: true },
      );
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
    }
  }

  find(eventId: string): Promise<EventCopy | null> {
    return this.copies.findById(eventId).lean<EventCopy>().exec();
  }
}
