export * from './health-registry.js';
export * from './logger.js';
export * from './nest-logger.js';
export * from './observability.module.js';
export * from './request-context.js';
export * from './redact.js';
