import { Controller } from '@nestjs/common';
import type { MessageOf } from '@plenary/contracts';
import { OnMessage } from '@plenary/messaging';
import { AccreditationService } from './accreditation.service.js';

/**
 * The participants service reads its own topic here: a withdrawn delegation's people are
 * withdrawn too. Done from the message rather than in the request so that it completes (with
 * retries) even if the service stops half-way.
 */
@Controller()
export class WithdrawPeopleOfWithdrawnDelegationConsumer {
  constructor(private readonly accreditation: AccreditationService) {}

  @OnMessage('delegation.withdrawn')
  async withdrawTheirPeople(message: MessageOf<'delegation.withdrawn'>): Promise<void> {
    await this.accreditation.withdrawAllOf(message.data.delegation.id);
  }
}
