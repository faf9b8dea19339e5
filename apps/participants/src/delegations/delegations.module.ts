import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { EventCopiesModule } from '../event-copies/event-copies.module.js';
import { DelegationsController } from './delegations.controller.js';
import { DelegationsService } from './delegations.service.js';
import { DelegationRecord, DelegationRecordSchema } from './schemas/delegation.schema.js';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: DelegationRecord.name, schema: DelegationRecordSchema }]),
    EventCopiesModule,
  ],
  controllers: [DelegationsController],
  providers: [DelegationsService],
})
export class DelegationsModule {}
