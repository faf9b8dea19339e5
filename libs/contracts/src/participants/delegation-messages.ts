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

export const DelegationMessages = {
  'delegation.registered': defineMessage({
    type: 'delegation.registered',
    version: 1,
    topic: Topics.participants,
    payload: DelegationChangedPayload,
    description: "A coordinator registered their party's delegation to a meeting.",
  }),
};
