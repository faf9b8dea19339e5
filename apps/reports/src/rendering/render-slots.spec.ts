import { describe, expect, it } from '@jest/globals';
import type { ReportsConfig } from '../reports.config.js';
import { RenderSlots } from './render-slots.js';

function slots(concurrency: number, queue: number): RenderSlots {
  return new RenderSlots({ PDF_RENDER_CONCURRENCY: concurrency, PDF_RENDER_QUEUE: queue } as ReportsConfig);
}

/** A piece of work that finishes when told to. */
function pending() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { finish, work: () => done };
}

describe('RenderSlots', () => {
  it('runs as many at once as allowed, queues as many as allowed, refuses the rest with 503', async () => {
    const limit = slots(2, 1);
    const jobs = [pending(), pending(), pending()];
    let started = 0;
    const runs = jobs.map((job) =>
      limit.run(() => {
        started++;
        return job.work();
      }),
    );
    await Promise.resolve();
    expect(started).toBe(2); // the third waits
    await expect(limit.run(async () => 'never')).rejects.toMatchObject({
      code: 'RENDERING_BUSY',
      status: 503,
    });
    jobs[0].finish();
    await runs[0];
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toBe(3); // the freed slot went to the one waiting
    jobs[1].finish();
    jobs[2].finish();
    await Promise.all(runs);
    expect(await limit.run(async () => 'free again')).toBe('free again');
  });

  it('frees the slot when the work fails', async () => {
    const limit = slots(1, 0);
    await expect(limit.run(() => Promise.reject(new Error('bad document')))).rejects.toThrow('bad document');
    expect(await limit.run(async () => 'next')).toBe('next');
  });
});
