import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';

/** One script the page loaded: its size built, gzipped and as transferred (encoded body). */
export interface LoadedScript {
  path: string;
  rawBytes: number;
  gzipBytes: number;
  transferredBytes: number;
}

export interface ColdLoad {
  /** largest contentful paint, ms after navigation start */
  lcpMs: number;
  /** when the first row of `rowsSelector` was in the page, ms after navigation start; undefined: none asked */
  firstRowsMs?: number;
  scripts: LoadedScript[];
}

export interface ColdLoadOptions {
  url: string;
  /** the session cookie to send (a signed-in person), if any */
  cookie?: { name: string; value: string; url: string };
  /** CSS selector of a row the page is waited for; else the page is waited for until the network is idle */
  rowsSelector?: string;
  /** the built client's folder, whose files are gzipped to size the scripts the page loaded */
  clientDir: string;
}

/** Sizes of a built file, gzipped at zlib's default level (what a server compressing on the fly sends). */
const gzipped = new Map<string, { raw: number; gzip: number }>();
function builtSize(clientDir: string, path: string): { raw: number; gzip: number } {
  let size = gzipped.get(path);
  if (!size) {
    const bytes = readFileSync(join(clientDir, path));
    size = { raw: bytes.length, gzip: gzipSync(bytes).length };
    gzipped.set(path, size);
  }
  return size;
}

/**
 * A cold load: a fresh browser context (no cache, no storage; only the session cookie), the
 * page opened, its first rows awaited; largest contentful paint read from a buffered
 * PerformanceObserver, the first row's arrival from a MutationObserver set before any script ran.
 */
export async function coldLoad(browser: Browser, options: ColdLoadOptions): Promise<ColdLoad> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  try {
    if (options.cookie) await context.addCookies([options.cookie]);
    const page = await context.newPage();
    const origin = new URL(options.url).origin;
    const responses: Promise<LoadedScript | undefined>[] = [];
    page.on('requestfinished', (request) => {
      if (request.resourceType() !== 'script' || !request.url().startsWith(origin)) return;
      const path = new URL(request.url()).pathname;
      responses.push(
        request.sizes().then(({ responseBodySize }) => {
          const built = builtSize(options.clientDir, path);
          return { path, rawBytes: built.raw, gzipBytes: built.gzip, transferredBytes: responseBodySize };
        }),
      );
    });
    if (options.rowsSelector) {
      await page.addInitScript((selector: string) => {
        const seen = () => {
          if (!document.querySelector(selector)) return false;
          (window as unknown as { firstRowsAt: number }).firstRowsAt = performance.now();
          return true;
        };
        const observer = new MutationObserver(() => seen() && observer.disconnect());
        observer.observe(document, { childList: true, subtree: true });
      }, options.rowsSelector);
    }
    await page.goto(options.url);
    if (options.rowsSelector) await page.waitForSelector(options.rowsSelector, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const measured = await page.evaluate(
      () =>
        new Promise<{ lcp: number; firstRowsAt?: number }>((resolve) => {
          let lcp = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) lcp = Math.max(lcp, entry.startTime);
          }).observe({ type: 'largest-contentful-paint', buffered: true });
          // the buffered entries arrive in a task of their own, after a frame
          requestAnimationFrame(() =>
            setTimeout(
              () =>
                resolve({ lcp, firstRowsAt: (window as unknown as { firstRowsAt?: number }).firstRowsAt }),
              50,
            ),
          );
        }),
    );
    const scripts = (await Promise.all(responses)).filter((s): s is LoadedScript => s !== undefined);
    return {
      lcpMs: measured.lcp,
      ...(options.rowsSelector ? { firstRowsMs: measured.firstRowsAt ?? Number.NaN } : {}),
      scripts,
    };
  } finally {
    await context.close();
  }
}
