import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BenchResult } from '../../bench/report.js';
import { identityProvider } from '../support/identity.js';
import { ROOT } from '../support/local-stack.js';

/**
 * `npm run bench --smoke`: the benchmark harness, every scenario with tiny sizes, against the
 * test stack, so that it cannot rot between full runs. It checks that the harness works and
 * that each scenario yields figures, not how fast they are.
 */
describe('the benchmark harness (smoke mode)', () => {
  it('runs all five scenarios beside their baselines and writes the result', async () => {
    const out = mkdtempSync(join(tmpdir(), 'plenary-bench-'));
    try {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [join(ROOT, 'dist/bench/run.js'), '--smoke', '--out', out],
        {
          cwd: ROOT,
          env: {
            ...process.env,
            BENCH_KAFKA_BROKERS: process.env.KAFKA_BROKERS,
            BENCH_MONGO_URL: process.env.MONGO_URL,
            // the console scenario signs in through the test run's identity provider
            BENCH_OIDC_ISSUER_URL: identityProvider().issuer,
          },
          timeout: 240_000,
          maxBuffer: 16 * 2 ** 20,
        },
      );
      expect(stdout).toContain('| Scenario |');
      const [file] = readdirSync(out).filter((f) => f.endsWith('.json'));
      const result = JSON.parse(readFileSync(join(out, file), 'utf8')) as BenchResult;
      expect(result.smoke).toBe(true);

      const { saturation, fixedRate, memory } = result.registration;
      for (const load of [saturation.plenary, saturation.baseline, fixedRate.plenary, fixedRate.baseline]) {
        expect(load.requestsPerSecond).toBeGreaterThan(0);
        expect(load.non2xx).toBe(0);
      }
      expect(saturation.ratio).toBeGreaterThan(0);
      expect(Object.keys(memory).sort()).toEqual(['events', 'participants', 'reports']);
      for (const rss of Object.values(memory)) expect(rss.idleMb).toBeGreaterThan(0);

      expect(result.propagation).toMatchObject({ failed: 0, missing: 0 });
      expect(result.propagation.plenary.p99).toBeGreaterThan(0);
      expect(result.propagation.baseline.p99).toBeGreaterThan(0);

      expect(result.catchUp.plenary.messagesPerSecond).toBeGreaterThan(0);
      expect(result.catchUp.baseline.messagesPerSecond).toBeGreaterThan(0);

      expect(result.growth.points.map((p) => p.participants)).toEqual([100, 300]);
      for (const point of result.growth.points) expect(point.summary.p99).toBeGreaterThan(0);

      const { plenary, shell } = result.console;
      expect(plenary.lcp.p50).toBeGreaterThan(0);
      expect(plenary.firstRows.p99).toBeGreaterThan(0);
      expect(plenary.scripts.files).toBeGreaterThan(0);
      expect(plenary.scripts.gzipKb).toBeGreaterThan(0);
      expect(plenary.scripts.transferredKb).toBeGreaterThan(0);
      expect(shell.lcp.p50).toBeGreaterThan(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 300_000);
});
