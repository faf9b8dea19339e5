import { Module } from '@nestjs/common';
import { EventsModule } from '../events/events.module.js';
import { LifecycleController } from './lifecycle.controller.js';
import { LifecycleService } from './lifecycle.service.js';

@Module({ imports: [EventsModule], controllers: [LifecycleController], providers: [LifecycleService] })
export class LifecycleModule {}
