import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { CoordinatorDesignationState, UnLanguage } from '@plenary/contracts';
import { OutboxCarrier } from '@plenary/messaging';

/** "This person (email) coordinates this party at this meeting", as the secretariat designated it. */
@Schema({ collection: 'coordinator_designations', versionKey: false })
export class CoordinatorDesignation extends OutboxCarrier {
  /** UUIDv7, as every other record's. */
  @Prop({ type: String, required: true })
  _id: string;

  @Prop({ type: String, required: true })
  eventId: string;

  @Prop({ type: String, required: true })
  party: string;

  /** Trimmed and lower-cased, as principals' emails are compared. */
  @Prop({ type: String, required: true })
  email: string;

  @Prop({ type: String })
  name?: string;

  @Prop({ type: String })
  language?: UnLanguage;

  @Prop({ type: String, required: true })
  state: CoordinatorDesignationState;

  /**
   * The rule "one active designation per email, meeting and party", kept by a unique index so
   * that it holds under concurrent requests (the store has no transactions, but a unique index
   * refuses the second insert atomically). While active it is activeKeyOf(eventId, party, email);
   * revoking replaces it with `revoked:<id>`, unique too, so the same person can be designated
   * again and revoked designations never collide (a missing field would, in a non-sparse index).
   */
  @Prop({ type: String, required: true })
  activeKey: string;

  @Prop({ type: String, required: true })
  designatedBy: string;

  @Prop({ type: Date, required: true })
  designatedAt: Date;

  @Prop({ type: String })
  revokedBy?: string;

  @Prop({ type: Date })
  revokedAt?: Date;
}

export const CoordinatorDesignationSchema = SchemaFactory.createForClass(CoordinatorDesignation);
CoordinatorDesignationSchema.index({ activeKey: 1 }, { unique: true });
// A signed-in person's active designations: read on each of their requests, and by /me/coordinations.
CoordinatorDesignationSchema.index({ email: 1, state: 1 });
// The secretariat's list per meeting (and party).
CoordinatorDesignationSchema.index({ eventId: 1, party: 1 });

export type StoredDesignation = Omit<CoordinatorDesignation, 'outbox' | 'outboxPending'>;
export const WITHOUT_OUTBOX = { outbox: 0, outboxPending: 0 } as const;
