import { pino, type DestinationStream, type Logger, type LevelWithSilent } from 'pino';
import { redactValue } from './redact.js';
import { RequestContext } from './request-context.js';

/** Structured JSON logs on stdout (or the destination given): one line per entry, with the service name and correlation id. */
export function createLogger(
  service: string,
  level: LevelWithSilent,
  destination?: DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: () => {
      const context = RequestContext.current();
      return context ? { correlationId: context.correlationId } : {};
    },
    hooks: {
      // Emails and tokens are masked in every argument, whatever the field (see redact.ts).
      logMethod(args, method) {
        method.apply(this, args.map((arg) => redactValue(arg)) as Parameters<typeof method>);
      },
    },
    redact: {
      paths: ['req.headers.authorization', 'headers.authorization', '*.password', '*.token'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
