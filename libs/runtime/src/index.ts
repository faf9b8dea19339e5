export * from './bootstrap-service.js';
export * from './clock.js';
export * from './health.controller.js';
export * from './service.module.js';
