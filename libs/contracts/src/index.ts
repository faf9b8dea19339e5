export * from './x.js';
