import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { defineMessage } from '../messages/message-definition.js';
import { Topics } from '../topics.js';
import { PublishedCoordinatorDesignationView } from './coordinator-designation.view.js';

/** Every designation message: the designation as it is now, without the email it is for. */
export class CoordinatorDesignationChangedPayload {
  @ValidateNested()
  @Type(() => PublishedCoordinatorDesignationView)
  designation: PublishedCoordinatorDesignationView;
}

const coordinatorMessage = <const T extends string>(type: T, description: string) =>
  defineMessage({
    type,
    version: 1,
    topic: Topics.participants,
    payload: CoordinatorDesignationChangedPayload,
    description,
  });

export const CoordinatorMessages = {
  'coordinator.designated': coordinatorMessage(
    'coordinator.designated',
    "The secretariat designated a person (by email, not published) as a party's coordinator at a meeting.",
  ),
  'coordinator.revoked': coordinatorMessage(
    'coordinator.revoked',
    'The secretariat revoked a designation: the person no longer acts for the party at the meeting.',
  ),
};
