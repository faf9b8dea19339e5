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

export interface RegistrationResult {
  saturation: { plenary: LoadResult; baseline: LoadResult; ratio: number };
  fixedRate: { rate: number; plenary: LoadResult; baseline: LoadResult };
  memory: Record<string, { idleMb: number; underLoadMb: number }>;
}

/**
 * Scenario 1 (and 5): participants registered over HTTP (validated, their place and email
 * reserved, stored with their message in the outbox), at saturation and at a fixed rate, beside
 * a bare Node handler inserting the same document with the native driver. The services' memory
 * is read idle, then at its peak under this load.
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

  const port = await freePort();
  const bare = await startBaseline('bare-registration-server', {
    HTTP_PORT: String(port),
    MONGO_URL: services.stack.mongoUrl,
    MONGO_DATABASE: `${services.namespace}_bare`,
  });
  const bareUrl = `http://127.0.0.1:${port}`;
  try {
    // A short warm-up of each, so that neither pays for its first connections and JIT in the figures.
    await drive(services.url('participants'), 'warmup', undefined, 2);
    await drive(bareUrl, 'warmup', undefined, 2);
    const { result: plenarySaturation, peaks } = await peakRss(pids, () =>
      drive(services.url('participants'), 'saturation'),
    );
    const baselineSaturation = await drive(bareUrl, 'saturation');
    const plenaryFixed = await drive(services.url('participants'), 'fixed', sizes.rate);
    const baselineFixed = await drive(bareUrl, 'fixed', sizes.rate);
    return {
      saturation: {
        plenary: plenarySaturation,
        baseline: baselineSaturation,
        ratio: round(
          plenarySaturation.requestsPerSecond / Math.max(1, baselineSaturation.requestsPerSecond),
          2,
        ),
      },
      fixedRate: { rate: sizes.rate, plenary: plenaryFixed, baseline: baselineFixed },
      memory: Object.fromEntries(
        Object.keys(pids).map((name) => [name, { idleMb: idle[name], underLoadMb: peaks[name] }]),
      ),
    };
  } finally {
    await stopChild(bare);
  }
}
