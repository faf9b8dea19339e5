import { readFile } from 'node:fs/promises';
import { round } from './stats.js';

/** Resident memory of a process, in MB (Linux /proc). */
export async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return round(kb / 1024);
}

/** Samples the resident memory of processes while `work` runs; resolves with each one's peak. */
export async function peakRss<T>(pids: Record<string, number>, work: () => Promise<T>) {
  const peaks: Record<string, number> = Object.fromEntries(Object.keys(pids).map((k) => [k, 0]));
  const sample = async () => {
    for (const [name, pid] of Object.entries(pids)) peaks[name] = Math.max(peaks[name], await rssMb(pid));
  };
  const timer = setInterval(() => void sample(), 200);
  try {
    const result = await work();
    await sample();
    return { result, peaks };
  } finally {
    clearInterval(timer);
  }
}
