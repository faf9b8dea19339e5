import { pino, type Logger, type LevelWithSilent } from 'pino';
import { RequestContext } from './request-context.js';

/** Structured JSON logs on stdout: one line per entry, with the service name and correlation id. */
export function createLogger(service: string, level: LevelWithSilent): Logger {
  return pino({
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const context = RequestContext.current();
      return context ? { correlationId: context.correlationId } : {};
    },
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', '*.password', '*.token'],
      censor: '[redacted]',
    },
  });
}
