import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { ROOT } from './local-stack.js';

export type AppName = 'events' | 'participants' | 'reports';

export interface ServiceProcess {
  name: AppName;
  url: string;
  port: number;
  process: ChildProcess;
  /** SIGTERM (or the signal given), and wait for the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts an app from the build (dist/) as its own process, the way it runs in production, with
 * its output in a log file, and waits until /health/ready answers 200.
 */
export async function spawnService(
  name: AppName,
  env: Record<string, string>,
  options: { port: number; logFile: string; readyTimeoutMs?: number },
): Promise<ServiceProcess> {
  mkdirSync(dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(process.execPath, [join(ROOT, `dist/apps/${name}/src/main.js`)], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${options.port}`;
  const service: ServiceProcess = {
    name,
    url,
    port: options.port,
    process: child,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with code ${child.exitCode}; see ${options.logFile}`);
    const status = await fetch(`${url}/health/ready`).then(
      async (r) => (r.status === 200 ? undefined : await r.text()),
      (error: Error) => error.message,
    );
    if (status === undefined) return service;
    if (Date.now() > deadline) {
      await service.stop('SIGKILL');
      throw new Error(`${name} not ready: ${status}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
