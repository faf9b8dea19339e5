// The project's local stack, shared with the scripts and benchmarks. Named with .ts: Jest loads
// the global setup (which imports this) as CommonJS, outside its module mapping.
export * from '../../scripts/lib/local-stack.ts';
