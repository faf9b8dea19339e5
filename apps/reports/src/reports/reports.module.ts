import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { AttendanceModule } from '../attendance/attendance.module.js';
import { DossierController } from '../dossier/dossier.controller.js';
import { DossierService } from '../dossier/dossier.service.js';
import { RenderSlots } from '../rendering/render-slots.js';
import { RenderingController } from '../rendering/rendering.controller.js';
import { ReportsController } from './reports.controller.js';
import { ReportsService } from './reports.service.js';
import { ReportRecord, ReportRecordSchema } from './schemas/report.schema.js';

@Module({
  imports: [
    MongooseModule.forFeature([{ name: ReportRecord.name, schema: ReportRecordSchema }]),
    AttendanceModule,
  ],
  // The rendered routes (/reports/:id.html…) are registered before /reports/:id, which would take them.
  controllers: [RenderingController, ReportsController, DossierController],
  providers: [ReportsService, DossierService, RenderSlots],
})
export class ReportsModule {}
