import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { describeEnvVars } from './env-var.decorator.js';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function describeProblem(error: ValidationError, raw: string | undefined, secret: boolean): string {
  const messages = Object.values(error.constraints ?? {}).join('; ');
  if (raw === undefined) return `${error.property} is not set (${messages})`;
  // Show what was set, not what the conversion made of it ("eighty", not NaN).
  const shown = secret ? '(hidden)' : JSON.stringify(raw);
  return `${error.property}=${shown} is invalid: ${messages}`;
}

/**
 * Reads a config class from the environment, converts types and validates every variable.
 * Throws one ConfigError naming each missing or bad variable, so a service stops at boot
 * instead of failing later on first use.
 */
export function loadConfig<T extends object>(
  configClass: new () => T,
  env: Record<string, string | undefined> = process.env,
): T {
  const vars = describeEnvVars(configClass);
  const raw: Record<string, string> = {};
  for (const { name } of vars) {
    const value = env[name];
    if (value !== undefined && value.trim() !== '') raw[name] = value.trim();
  }
  const config = plainToInstance(configClass, raw, {
    enableImplicitConversion: true,
    exposeDefaultValues: true,
  });
  const errors = validateSync(config, { forbidUnknownValues: false });
  if (errors.length > 0) {
    const secrets = new Set(vars.filter((v) => v.secret).map((v) => v.name));
    throw new ConfigError(errors.map((e) => describeProblem(e, raw[e.property], secrets.has(e.property))));
  }
  return config;
}
