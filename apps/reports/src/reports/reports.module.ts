import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AttendanceModule } from '../attendance/attendance.module.js';
import { DossierController } from '../dossier/dossier.controller.js';
import { DossierService } from '../dossier/dossier.service.js';
import { RenderSlots } from '../rendering/render-slots.js';
import { RenderingController } from '../rendering/rendering.controller.js';
import { ReportOriginals } from './report-originals.service.js';
import { ReportWriter } from './report-writer.service.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';
import { ReportOriginal, ReportOriginalSchema } from './schemas/report-original.schema.js';
import { ReportRecord, ReportRecordSchema } from './schemas/report.schema.js';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: ReportRecord.name, schema: ReportRecordSchema },
      { name: ReportOriginal.name, schema: ReportOriginalSchema },
    ]),
    AttendanceModule,
  ],
  // The rendered routes (/reports/:id.html…) are registered before /reports/:id, which would take them.
  controllers: [RenderingController, ReportsController, DossierController],
  providers: [ReportsService, ReportWriter, ReportOriginals, DossierService, RenderSlots],
})
export class ReportsModule {}
