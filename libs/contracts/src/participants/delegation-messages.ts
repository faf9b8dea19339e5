import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { defineMessage } from '../messages/message-definition.js';
import { Topics } from '../topics.js';
import { DelegationView } from './delegation.view.js';

export class DelegationChangedPayload {
  @ValidateNested()
  @Type(() => DelegationView)
  delegation: DelegationView;
}

const delegationMessage = <const T extends string>(type: T, description: string) =>
  defineMessage({
    type,
    version: 1,
    topic: Topics.participants,
    payload: DelegationChangedPayload,
    description,
  });

/** Every delegation message: the delegation as it is now, without its coordinator's contact. */
export const DelegationMessages = {
  'delegation.registered': delegationMessage(
    'delegation.registered',
    "A coordinator registered their party's delegation to a meeting.",
  ),
  'delegation.updated': delegationMessage(
    'delegation.updated',
    'Credentials received, accredited, details changed, or the meeting was cancelled or postponed (notice).',
  ),
  'delegation.withdrawn': delegationMessage(
    'delegation.withdrawn',
    'The delegation no longer attends; its participants are withdrawn.',
  ),
};
