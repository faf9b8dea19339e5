import { AxeBuilder } from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Locator,
  type Page,
} from 'playwright-core';
import { ROOT } from './local-stack.js';

/** Where every screen's picture goes (git ignores .stack/). */
export const SCREENSHOT_DIR = join(ROOT, '.stack/test/screenshots');

/**
 * Debian's Chromium (installed by .ci/run; a test tool's own browser download fails on these
 * machines), headless, with the background services that would call out to the network off.
 */
export async function launchBrowser(): Promise<{ browser: Browser; close(): Promise<void> }> {
  // playwright gives each launch a fresh, empty profile of its own (no --user-data-dir).
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      // The check-in desk's camera: a fake device, never a prompt.
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Scans the page with axe-core against WCAG 2.1 A and AA, and returns the serious and critical
 * violations (a test fails on any). `exclude` leaves out parts that are not the page's own, such
 * as a sandboxed frame showing another service's document (no script runs in it, axe included).
 */
export async function seriousAccessibilityProblems(
  page: Page,
  options: { exclude?: string[] } = {},
): Promise<AxeFinding[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
  for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
  const results = await builder.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 300)}`),
    }));
}

/** A full-page screenshot into SCREENSHOT_DIR/<language>/<name>.png. */
export async function screenshot(page: Page, language: string, name: string): Promise<string> {
  const dir = join(SCREENSHOT_DIR, language);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** What one screen looked like to axe, in which language. */
export interface LookedAt {
  screen: string;
  language: string;
  problems: AxeFinding[];
}

/**
 * The people of one browser test and what they saw: each gets a context of their own, every
 * script error in their pages is kept (a test expects none), and look() photographs the screen
 * and scans it with axe, so that a test ends by expecting no serious finding on any screen.
 */
export class BrowserWitness {
  readonly pageErrors: string[] = [];
  readonly looked: LookedAt[] = [];

  constructor(
    private readonly browser: Browser,
    /** put before every screenshot's name, so that test files do not overwrite each other's */
    private readonly screenPrefix = '',
  ) {}

  /** A person with a browser context of their own (English, a desktop window unless told). */
  async newPerson(options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
    const context = await this.browser.newContext({
      locale: 'en-GB',
      viewport: { width: 1280, height: 900 },
      ...options,
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => this.pageErrors.push(`${page.url()}: ${error.message}`));
    return { context, page };
  }

  /**
   * A screenshot and an axe scan of what the page shows now. `framed`: the page holds a frame
   * that never lets the network settle and that axe cannot enter, so neither is waited for.
   */
  async look(page: Page, screen: string, { framed = false } = {}): Promise<void> {
    if (!framed) await page.waitForLoadState('networkidle');
    if (this.pageErrors.length)
      throw new Error(`script errors in the console:\n${this.pageErrors.join('\n')}`);
    const language = await page.evaluate(() => document.documentElement.lang);
    await screenshot(page, language, `${this.screenPrefix}${screen}`);
    const problems = await seriousAccessibilityProblems(page, framed ? { exclude: ['iframe'] } : {});
    this.looked.push({ screen, language, problems });
  }

  /** The screens axe found a serious or critical problem on (a test expects none). */
  screensWithProblems(): LookedAt[] {
    return this.looked.filter((l) => l.problems.length > 0);
  }
}

/**
 * Picks a language in the console's language menu and waits until the page has switched to it:
 * a language's messages are fetched the first time it is chosen, and the page changes after.
 */
export async function chooseLanguage(menu: Locator, code: string): Promise<void> {
  await menu.selectOption(code);
  await menu.page().waitForFunction((wanted) => document.documentElement.lang === wanted, code);
}

/** A moment `days` from now at `hour`:00 UTC, as ISO text. */
export function inDays(days: number, hour = 9): string {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
}
