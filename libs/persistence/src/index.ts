export * from './persistence.module.js';
export * from './store-errors.js';
export * from './upsert-if-newer.js';
export * from './retry-when-stale.js';
export * from './upsert-many-if-newer.js';
