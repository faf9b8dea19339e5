import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { BadgeCodesModule } from '../badges/badge-codes.module.js';
import { DelegationsModule } from '../delegations/delegations.module.js';
import { AccreditationController } from './accreditation.controller.js';
import { AccreditationService } from './accreditation.service.js';
import { ParticipantPlaces } from './participant-places.service.js';
import { ParticipantWriter } from './participant-writer.service.js';
import { ParticipantsController } from './participants.controller.js';
import { ParticipantsService } from './participants.service.js';
import { PersonClaims } from './person-claims.service.js';
import { RegistrationSweeper } from './registration-sweeper.js';
import { BadgeCounter, BadgeCounterSchema } from './schemas/badge-counter.schema.js';
import { ParticipantRecord, ParticipantRecordSchema } from './schemas/participant.schema.js';
import { PersonClaim, PersonClaimSchema } from './schemas/person-claim.schema.js';
import { WithdrawPeopleOfWithdrawnDelegationConsumer } from './withdraw-people-of-withdrawn-delegation.consumer.js';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: ParticipantRecord.name, schema: ParticipantRecordSchema },
      { name: PersonClaim.name, schema: PersonClaimSchema },
      { name: BadgeCounter.name, schema: BadgeCounterSchema },
    ]),
    DelegationsModule,
    BadgeCodesModule,
  ],
  controllers: [ParticipantsController, AccreditationController, WithdrawPeopleOfWithdrawnDelegationConsumer],
  providers: [
    ParticipantsService,
    AccreditationService,
    ParticipantWriter,
    ParticipantPlaces,
    PersonClaims,
    RegistrationSweeper,
  ],
  exports: [MongooseModule, ParticipantsService, AccreditationService, BadgeCodesModule],
})
export class ParticipantsModule {}
