export * from './config.module.js';
export * from './env-var.decorator.js';
export * from './load-config.js';
export * from './service-config.js';
