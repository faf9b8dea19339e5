/**
 * Personal data and secrets never reach the logs: email addresses and bearer tokens are masked
 * wherever they appear (messages, fields, error texts), whatever the field is called.
 */
const EMAIL = /[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(\.[\w-]+)+/g;
const BEARER = /Bearer\s+[\w.~+/=-]+/gi;
const JWT = /\beyJ[\w-]+\.[\w-]+\.[\w-]*/g;

export function redactText(text: string): string {
  return text.replace(BEARER, 'Bearer [redacted]').replace(JWT, '[token]').replace(EMAIL, '[email]');
}

/** A copy of a log argument with every string redacted; errors keep their type, message and stack. */
export function redactValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (value instanceof Error) {
    const copy = new Error(redactText(value.message));
    copy.name = value.name;
    copy.stack = value.stack && redactText(value.stack);
    for (const [key, field] of Object.entries(value))
      (copy as unknown as Record<string, unknown>)[key] = redactValue(field, depth + 1);
    return copy;
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, depth + 1));
  if (value instanceof Date || Buffer.isBuffer(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, redactValue(field, depth + 1)]),
  );
}
