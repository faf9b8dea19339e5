import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import { DelegationsModule } from '../delegations/delegations.module.js';
import { EventCopiesModule } from '../event-copies/event-copies.module.js';
import { CoordinatorDesignationWriter } from './coordinator-designation-writer.service.js';
import { CoordinatorDesignationsController } from './coordinator-designations.controller.js';
import { CoordinatorDesignationsService } from './coordinator-designations.service.js';
import { DesignatedPartiesInterceptor } from './designated-parties.interceptor.js';
import { MyCoordinationsController } from './my-coordinations.controller.js';
import { MyCoordinationsService } from './my-coordinations.service.js';
import {
  CoordinatorDesignation,
  CoordinatorDesignationSchema,
} from './schemas/coordinator-designation.schema.js';

/** Who may act for which party at which meeting, by email: designations, and the caller's own. */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: CoordinatorDesignation.name, schema: CoordinatorDesignationSchema }]),
    EventCopiesModule,
    DelegationsModule,
  ],
  controllers: [CoordinatorDesignationsController, MyCoordinationsController],
  providers: [
    CoordinatorDesignationsService,
    CoordinatorDesignationWriter,
    MyCoordinationsService,
    // Every request of the service: its access decisions need the caller's designations.
    { provide: APP_INTERCEPTOR, useClass: DesignatedPartiesInterceptor },
  ],
})
export class CoordinatorsModule {}
