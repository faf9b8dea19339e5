import { HttpStatus, Injectable } from '@nestjs/common';
import { AppException } from '@plenary/http';
import { ReportsConfig } from '../reports.config.js';

/**
 * Bounds the PDFs one instance renders: PDF_RENDER_CONCURRENCY at once, PDF_RENDER_QUEUE
 * waiting; any further request is refused at once (503, Retry-After) rather than piling up
 * CPU and memory. The PDF of a published report needs no token, so the bound cannot be per
 * token; it is per instance, and holds whoever asks.
 */
@Injectable()
export class RenderSlots {
  private running = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly concurrency: number;
  private readonly queue: number;

  constructor(config: ReportsConfig) {
    this.concurrency = config.PDF_RENDER_CONCURRENCY;
    this.queue = config.PDF_RENDER_QUEUE;
  }

  /** Runs `work` in a slot, after waiting for one if needed; refuses with 503 when the queue is full too. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.running < this.concurrency) this.running++;
    else if (this.waiting.length < this.queue)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    else
      // The error filter adds Retry-After to every 503.
      throw new AppException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'RENDERING_BUSY',
        'Too many PDFs are being rendered right now; try again in a few seconds.',
      );
    try {
      return await work();
    } finally {
      // The slot passes straight to the next in line, so `running` never exceeds the bound.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}
