export * from './auth.decorators.js';
export * from './auth.exception.js';
export * from './auth.guard.js';
export * from './auth.module.js';
export * from './principal.js';
export * from './token-issuer.js';
export * from './token-verifier.js';
