import { type MiddlewareConsumer, Module, type NestModule, RequestMethod } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DelegationsModule } from '../delegations/delegations.module.js';
import { ParticipantsModule } from '../participants/participants.module.js';
import { ImportChecks } from './import-checks.service.js';
import { ImportRunner } from './import-runner.service.js';
import { ImportWriter } from './import-writer.service.js';
import { ImportsController } from './imports.controller.js';
import { ImportsService } from './imports.service.js';
import { rawUpload } from './raw-upload.middleware.js';
import { ParticipantImport, ParticipantImportSchema } from './schemas/participant-import.schema.js';

/** Bulk import of people into a delegation from a CSV or XLSX file: preview, then import. */
@Module({
  imports: [
    MongooseModule.forFeature([{ name: ParticipantImport.name, schema: ParticipantImportSchema }]),
    DelegationsModule,
    ParticipantsModule,
  ],
  controllers: [ImportsController],
  providers: [ImportsService, ImportChecks, ImportRunner, ImportWriter],
})
export class ImportsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(rawUpload)
      .forRoutes({ path: 'delegations/:delegationId/participant-imports', method: RequestMethod.POST });
  }
}
