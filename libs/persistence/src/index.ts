export * from './persistence.module.js';
export * from './store-errors.js';
