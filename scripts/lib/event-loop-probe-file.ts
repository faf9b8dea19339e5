import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What event-loop-probe.ts writes: a service's event-loop delay over a period, in ms. */
export interface EventLoopFigures {
  /** Ticks of the probe's timer in the period. */
  samples: number;
  /** Wall-clock delay of the timer: includes time the machine gave to other processes. */
  delay: { p50: number; p99: number; max: number };
  /** The CPU time the process used between two ticks: how long the service itself held its loop. */
  held: { p50: number; p99: number; max: number };
}

/** Where event-loop-probe.ts, loaded into the process `pid`, writes its figures. */
export function eventLoopProbeFile(pid: number): string {
  return join(tmpdir(), `event-loop-${pid}.json`);
}
