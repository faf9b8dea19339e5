import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BenchResult } from '../../bench/report.js';
import { identityProvider } from '../support/identity.js';
import { ROOT } from '../support/local-stack.js';

/** Runs `node dist/bench/run.js --smoke …` against the test stack; the JSON result and the printed table. */
async function smokeRun(...args: string[]): Promise<{ stdout: string; result: BenchResult }> {
  const out = mkdtempSync(join(tmpdir(), 'plenary-bench-'));
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'dist/bench/run.js'), '--smoke', '--out', out, ...args],
      {
        cwd: ROOT,
        env: {
          ...process.env,
          BENCH_KAFKA_BROKERS: process.env.KAFKA_BROKERS,
          BENCH_MONGO_URL: process.env.MONGO_URL,
          // the console scenario signs in through the test run's identity provider
          BENCH_OIDC_ISSUER_URL: identityProvider().issuer,
        },
        timeout: 280_000,
        maxBuffer: 16 * 2 ** 20,
      },
    );
    const [file] = readdirSync(out).filter((f) => f.endsWith('.json'));
    return { stdout, result: JSON.parse(readFileSync(join(out, file), 'utf8')) as BenchResult };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/**
 * `npm run bench --smoke`: the benchmark harness, every scenario with tiny sizes, against the
 * test stack, so that it cannot rot between full runs. It checks that the harness works and
 * that each scenario yields figures beside each of its baselines, not how fast they are.
 */
describe('the benchmark harness (smoke mode)', () => {
  it('runs every scenario beside its baselines and writes the result', async () => {
    const { stdout, result } = await smokeRun();
    expect(stdout).toContain('| Scenario |');
    expect(stdout).toContain('minimal writes');
    expect(result.smoke).toBe(true);
    expect(result.scenarios).toEqual(['registration', 'propagation', 'catch-up', 'growth', 'console']);

    const { saturation, fixedRate, memory } = result.registration!;
    for (const run of [saturation, fixedRate])
      for (const load of [run.plenary, run.bareInsert, run.minimalWrites]) {
        expect(load.requestsPerSecond).toBeGreaterThan(0);
        expect(load.non2xx).toBe(0);
      }
    expect(saturation.ratioToBareInsert).toBeGreaterThan(0);
    expect(saturation.ratioToMinimalWrites).toBeGreaterThan(0);
    expect(Object.keys(memory).sort()).toEqual(['events', 'participants', 'reports']);
    for (const rss of Object.values(memory)) expect(rss.idleMb).toBeGreaterThan(0);

    expect(result.propagation).toMatchObject({ failed: 0, missing: 0 });
    expect(result.propagation!.plenary.p99).toBeGreaterThan(0);
    expect(result.propagation!.baseline.p99).toBeGreaterThan(0);

    const catchUp = result.catchUp!;
    expect(catchUp.plenary.messagesPerSecond).toBeGreaterThan(0);
    expect(catchUp.storeCeiling.documentsPerSecond).toBeGreaterThan(0);
    expect(catchUp.rawKafka.messagesPerSecond).toBeGreaterThan(0);
    expect(catchUp.ratio).toBeGreaterThan(0);

    const growth = result.growth!;
    expect(growth.points.map((p) => p.participants)).toEqual([100, 300]);
    for (const point of growth.points) {
      expect(Object.keys(point.endpoints).sort()).toEqual(['list', 'listOfParty', 'search', 'summary']);
      for (const { plenary, baseline } of Object.values(point.endpoints)) {
        expect(plenary).toMatchObject({ timedOut: false });
        expect(plenary.p99).toBeGreaterThan(0);
        expect(baseline.p99).toBeGreaterThan(0);
      }
    }

    const { plenary, shell } = result.console!;
    expect(plenary.lcp.p50).toBeGreaterThan(0);
    expect(plenary.firstRows.p99).toBeGreaterThan(0);
    expect(plenary.scripts.files).toBeGreaterThan(0);
    expect(plenary.scripts.gzipKb).toBeGreaterThan(0);
    expect(plenary.scripts.transferredKb).toBeGreaterThan(0);
    expect(shell.lcp.p50).toBeGreaterThan(0);
  }, 300_000);

  it('runs only the scenarios named by --only', async () => {
    const { stdout, result } = await smokeRun('--only', 'growth');
    expect(result.scenarios).toEqual(['growth']);
    expect(result.registration).toBeUndefined();
    expect(result.catchUp).toBeUndefined();
    expect(result.growth!.points.map((p) => p.participants)).toEqual([100, 300]);
    expect(stdout).toContain('Name search');
    expect(stdout).not.toContain('1. Registration');
  }, 300_000);
});
