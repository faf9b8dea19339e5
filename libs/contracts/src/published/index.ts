export * from './asyncapi.js';
export * from './examples.js';
export * from './message-schemas.js';
export * from './schema-compatibility.js';
