import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { MongoClient } from 'mongodb';
import { chromium } from 'playwright-core';
import { ROOT } from '../../scripts/lib/local-stack.js';
import {
  benchIdentityProvider,
  identityProviderEnv,
  signInAsSecretariat,
  startBenchConsole,
} from '../lib/bench-console.js';
import { BenchServices, type BenchStack } from '../lib/bench-stack.js';
import { coldLoad, type ColdLoad } from '../lib/cold-load.js';
import { openMeetingWithDelegations } from '../lib/meeting.js';
import { serveStaticShell } from '../lib/static-shell.js';
import { latencySummary, round } from '../lib/stats.js';
import { participantRecords } from '../lib/participant-records.js';

export interface PaintFigures {
  p50: number;
  p99: number;
}

export interface ScriptFigures {
  /** scripts the page loaded (its first bundle and every chunk it fetched until its rows showed) */
  files: number;
  rawKb: number;
  /** the built files gzipped (zlib's default level), summed */
  gzipKb: number;
  /** what the browser received for them (encoded bodies) */
  transferredKb: number;
}

export interface ConsoleResult {
  participants: number;
  loads: number;
  plenary: { lcp: PaintFigures; firstRows: PaintFigures; scripts: ScriptFigures };
  /** the static shell (index.html and its assets from a bare server, no data, no API) */
  shell: { lcp: PaintFigures; scripts: ScriptFigures };
  /** LCP p50 of the page over the shell's */
  ratio: number;
}

/** The built web client, which both the console and the static shell serve. */
const CLIENT_DIR = join(ROOT, 'dist/console-client');
/** A row of the participants table (the secretariat's desk opens on it). */
const PARTICIPANT_ROW = '[aria-labelledby="participants-title"] tbody tr[data-participant]';

const paints = (values: number[]): PaintFigures => {
  const { p50, p99 } = latencySummary(values);
  return { p50, p99 };
};

function scriptFigures(load: ColdLoad): ScriptFigures {
  const sum = (key: 'rawBytes' | 'gzipBytes' | 'transferredBytes') =>
    round(load.scripts.reduce((total, s) => total + s[key], 0) / 1024);
  return {
    files: load.scripts.length,
    rawKb: sum('rawBytes'),
    gzipKb: sum('gzipBytes'),
    transferredKb: sum('transferredBytes'),
  };
}

/**
 * Scenario 6: the secretariat's participants page of a meeting of `participants` people in
 * headless Chromium, as a person signed in through the identity provider opens it: `loads` cold
 * loads (a fresh context each: no cache), largest contentful paint and the first rows' arrival,
 * and the client JavaScript the page loaded; beside it, the static shell loaded the same way.
 * Its own services (events, participants, the console) in a namespace of their own.
 */
export async function consolePage(
  stack: BenchStack,
  namespace: string,
  sizes: { participants: number; parties: number; loads: number },
): Promise<ConsoleResult> {
  const idp = await benchIdentityProvider();
  const services = new BenchServices(stack, namespace);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
    ],
  });
  const shell = await serveStaticShell(CLIENT_DIR);
  try {
    await services.start(['events', 'participants'], identityProviderEnv(idp));
    const consoleUrl = await startBenchConsole(services, idp);
    const token = await services.secretariatToken();
    const quota = Math.ceil(sizes.participants / sizes.parties);
    const meeting = await openMeetingWithDelegations(services, token, sizes.parties, Math.min(500, quota));
    const client = await MongoClient.connect(stack.mongoUrl);
    try {
      const collection = client.db(services.database('participants')).collection('participants');
      for (let stored = 0; stored < sizes.participants; stored += 1000) {
        const batch = participantRecords(meeting, stored, Math.min(1000, sizes.participants - stored));
        await collection.insertMany(batch as never[], { ordered: false });
      }
    } finally {
      await client.close();
    }
    const cookie = await signInAsSecretariat(browser, consoleUrl);
    const page = {
      url: `${consoleUrl}/meetings/${meeting.eventId}`,
      cookie,
      rowsSelector: PARTICIPANT_ROW,
      clientDir: CLIENT_DIR,
    };
    // One load first, not counted: the services' first requests compile their code paths.
    await coldLoad(browser, page);
    const loads: ColdLoad[] = [];
    for (let i = 0; i < sizes.loads; i++) loads.push(await coldLoad(browser, page));
    const shellLoads: ColdLoad[] = [];
    const shellPage = { url: `${shell.url}/meetings/${randomUUID()}`, clientDir: CLIENT_DIR };
    await coldLoad(browser, shellPage);
    for (let i = 0; i < sizes.loads; i++) shellLoads.push(await coldLoad(browser, shellPage));
    const lcp = paints(loads.map((l) => l.lcpMs));
    const shellLcp = paints(shellLoads.map((l) => l.lcpMs));
    return {
      participants: sizes.participants,
      loads: sizes.loads,
      plenary: {
        lcp,
        firstRows: paints(loads.map((l) => l.firstRowsMs!)),
        scripts: scriptFigures(loads.at(-1)!),
      },
      shell: { lcp: shellLcp, scripts: scriptFigures(shellLoads.at(-1)!) },
      ratio: round(lcp.p50 / Math.max(1, shellLcp.p50), 2),
    };
  } finally {
    await shell.close();
    await browser.close();
    await services.stopAll();
    await idp.stop();
  }
}
