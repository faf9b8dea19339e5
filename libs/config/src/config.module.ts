import { type DynamicModule, Module } from '@nestjs/common';
import { loadConfig } from './load-config.js';
import { ServiceConfig } from './service-config.js';

@Module({})
export class ConfigModule {
  /**
   * Validates the environment once, when the app starts, and provides the result both as the
   * app's own config class and as ServiceConfig for the libs.
   */
  static forRoot<T extends ServiceConfig>(configClass: new () => T): DynamicModule {
    return {
      module: ConfigModule,
      global: true,
      providers: [
        { provide: configClass, useFactory: () => loadConfig(configClass) },
        { provide: ServiceConfig, useExisting: configClass },
      ],
      exports: [configClass, ServiceConfig],
    };
  }
}
