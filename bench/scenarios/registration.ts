import type { ChildProcess } from 'node:child_process';
import { startBaseline, stopChild } from '../lib/child.js';
import { freePort } from '../../scripts/lib/local-stack.js';
import type { BenchServices } from '../lib/bench-stack.js';
import { load, type LoadResult } from '../lib/load.js';
import { person, type BenchMeeting } from '../lib/meeting.js';
import { peakRss, rssMb } from '../lib/memory.js';
import { round } from '../lib/stats.js';

export interface RegistrationSizes {
  seconds: number;
  connections: number;
  rate: number;
}

/** The same load on Plenary and on each baseline. */
export interface RegistrationLoads {
  plenary: LoadResult;
  /** bare-registration-server: one insert of the participant document. */
  bareInsert: LoadResult;
  /** minimal-registration-server: the fewest writes the rules need (seat, person claim, record with its message). */
  minimalWrites: LoadResult;
}

export interface RegistrationResult {
  saturation: RegistrationLoads & {
    /** Plenary's requests per second over each baseline's. */
    ratioToBareInsert: number;
    ratioToMinimalWrites: number;
  };
  fixedRate: RegistrationLoads & { rate: number };
  memory: Record<string, { idleMb: number; underLoadMb: number }>;
}

const ratio = (plenary: LoadResult, baseline: LoadResult) =>
  round(plenary.requestsPerSecond / Math.max(1, baseline.requestsPerSecond), 2);

/**
 * Scenario 1 (and 5): participants registered over HTTP (validated, their place and email
 * reserved, stored with their message in the outbox), at saturation and at a fixed rate, beside
 * two bare Node handlers on the native driver: one that inserts the same document, and one that
 * does the minimum writes the rules need. Each baseline writes to a database of its own on the
 * same store. The services' memory is read idle, then at its peak under this load.
 */
export async function registration(
  services: BenchServices,
  meeting: BenchMeeting,
  token: string,
  sizes: RegistrationSizes,
): Promise<RegistrationResult> {
  const pids = {
    events: services.pid('events'),
    participants: services.pid('participants'),
    reports: services.pid('reports'),
  };
  const idle = Object.fromEntries(
    await Promise.all(Object.entries(pids).map(async ([name, pid]) => [name, await rssMb(pid)] as const)),
  );
  const drive = (url: string, run: string, rate?: number, seconds = sizes.seconds) =>
    load({
      url,
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      seconds,
      connections: sizes.connections,
      rate,
      request: (i) => ({
        path: `/delegations/${meeting.delegationIds[i % meeting.delegationIds.length]}/participants`,
        body: person(run, i),
      }),
    });

  const children: ChildProcess[] = [];
  const baseline = async (name: string, env: Record<string, string>) => {
    const port = await freePort();
    children.push(
      await startBaseline(name, {
        HTTP_PORT: String(port),
        MONGO_URL: services.stack.mongoUrl,
        MONGO_DATABASE: `${services.namespace}_${name.replace(/-.*/, '')}`,
        ...env,
      }),
    );
    return `http://127.0.0.1:${port}`;
  };
  try {
    const urls = {
      plenary: services.url('participants'),
      bareInsert: await baseline('bare-registration-server', {}),
      minimalWrites: await baseline('minimal-registration-server', {
        EVENT_ID: meeting.eventId,
        DELEGATION_IDS: meeting.delegationIds.join(','),
        QUOTA: String(meeting.quotaPerDelegation),
      }),
    };
    // A short warm-up of each, so that none pays for its first connections and JIT in the figures.
    for (const url of Object.values(urls)) await drive(url, 'warmup', undefined, 2);
    const { result: plenarySaturation, peaks } = await peakRss(pids, () => drive(urls.plenary, 'saturation'));
    const saturation: RegistrationLoads = {
      plenary: plenarySaturation,
      bareInsert: await drive(urls.bareInsert, 'saturation'),
      minimalWrites: await drive(urls.minimalWrites, 'saturation'),
    };
    const fixedRate: RegistrationLoads = {
      plenary: await drive(urls.plenary, 'fixed', sizes.rate),
      bareInsert: await drive(urls.bareInsert, 'fixed', sizes.rate),
      minimalWrites: await drive(urls.minimalWrites, 'fixed', sizes.rate),
    };
    return {
      saturation: {
        ...saturation,
        ratioToBareInsert: ratio(saturation.plenary, saturation.bareInsert),
        ratioToMinimalWrites: ratio(saturation.plenary, saturation.minimalWrites),
      },
      fixedRate: { rate: sizes.rate, ...fixedRate },
      memory: Object.fromEntries(
        Object.keys(pids).map((name) => [name, { idleMb: idle[name], underLoadMb: peaks[name] }]),
      ),
    };
  } finally {
    for (const child of children) await stopChild(child);
  }
}
