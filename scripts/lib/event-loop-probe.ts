/**
 * Measures a service's event loop from inside it, for tests that must know how long the loop is
 * held (tests/e2e/abuse.test.ts); the service itself exposes nothing of the kind. Loaded with
 * `node --import` (NODE_OPTIONS). On SIGUSR2 it writes the figures since it started, or since the
 * previous SIGUSR2, to event-loop-<pid>.json in the temporary folder, and starts over.
 *
 * Two figures per tick of a 1 ms timer: the wall-clock delay (perf_hooks' monitorEventLoopDelay),
 * and the CPU time the process used since the previous tick. On a machine shared with other work
 * the first also counts the time the process waited for a core; the second counts only what the
 * service did while its timer waited, which is what a quadratic regular expression adds to.
 */
import { renameSync, writeFileSync } from 'node:fs';
import {
  createHistogram,
  monitorEventLoopDelay,
  performance,
  type RecordableHistogram,
} from 'node:perf_hooks';
import { type EventLoopFigures, eventLoopProbeFile } from './event-loop-probe-file.js';

const RESOLUTION_MS = 1;
const delay = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
const held = createHistogram();
delay.enable();

let lastWall = performance.now();
let lastCpu = process.cpuUsage();
setInterval(() => {
  const wall = performance.now();
  const cpu = process.cpuUsage(lastCpu);
  // Never more than the wall time that passed: other threads (the collector's) add CPU time too.
  const cpuMs = Math.min((cpu.user + cpu.system) / 1000, wall - lastWall);
  held.record(Math.max(1, Math.round(cpuMs * 1000))); // in µs; a histogram takes integers ≥ 1
  lastWall = wall;
  lastCpu = process.cpuUsage();
}, RESOLUTION_MS).unref();

const ms = (h: RecordableHistogram | ReturnType<typeof monitorEventLoopDelay>, unit: number) => ({
  p50: h.percentile(50) / unit,
  p99: h.percentile(99) / unit,
  max: h.max / unit,
});

process.on('SIGUSR2', () => {
  const figures: EventLoopFigures = { samples: held.count, delay: ms(delay, 1e6), held: ms(held, 1e3) };
  delay.reset();
  held.reset();
  const file = eventLoopProbeFile(process.pid);
  writeFileSync(`${file}.partial`, JSON.stringify(figures)); // renamed whole: never read half-written
  renameSync(`${file}.partial`, file);
});
