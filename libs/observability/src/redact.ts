/**
 * Personal data and secrets never reach the logs: email addresses and bearer tokens are masked
 * wherever they appear (messages, fields, error texts), whatever the field is called.
 *
 * This runs on every log line, request paths included, which anyone can make 16 KB long. Regular
 * expressions for emails and tokens retry from every character of a long run of name characters,
 * which is quadratic (a 16 KB path blocked the event loop for ~150 ms). The emails and tokens are
 * therefore found by scans that read each character a bounded number of times, and mask exactly
 * what these expressions would:
 *   email  /[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(\.[\w-]+)+/g
 *   token  /\beyJ[\w-]+\.[\w-]+\.[\w-]*\/g
 * (the bearer expression below is linear: it needs the literal "Bearer" at each start).
 */
const BEARER = /Bearer\s+[\w.~+/=-]+/gi;

/** \w of a regular expression without the u flag. */
function isWord(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95
  );
}

/** [\w-]: a domain label or a token segment. */
function isLabel(code: number): boolean {
  return isWord(code) || code === 45;
}

const LOCAL_EXTRA = new Set(Array.from(".!#$%&'*+/=?^`{|}~-", (c) => c.charCodeAt(0)));

/** A character of an email's local part. */
function isLocal(code: number): boolean {
  return isWord(code) || LOCAL_EXTRA.has(code);
}

/** The end of the run of [\w-] starting at `from` (`from` itself when there is none). */
function labelEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && isLabel(text.charCodeAt(end))) end++;
  return end;
}

/** The end of a domain [\w-]+(\.[\w-]+)+ starting at `from`, or -1 when there is none. */
function domainEnd(text: string, from: number): number {
  let end = labelEnd(text, from);
  if (end === from) return -1;
  let labels = 1;
  while (text.charCodeAt(end) === 46 && isLabel(text.charCodeAt(end + 1))) {
    end = labelEnd(text, end + 1);
    labels++;
  }
  return labels >= 2 ? end : -1;
}

/**
 * Each "@" is looked at once: the local part is the run of local characters before it (not
 * reaching back into the previous match), the domain the labels after it. A failed domain holds
 * no "@", so the next search starts after it and no character is read more than twice.
 */
function maskEmails(text: string): string {
  let out = '';
  let copied = 0; // text before this is in `out` (or was masked)
  let at = text.indexOf('@');
  while (at !== -1) {
    let start = at;
    while (start > copied && isLocal(text.charCodeAt(start - 1))) start--;
    const end = start < at ? domainEnd(text, at + 1) : -1;
    if (end === -1) {
      at = text.indexOf('@', at + 1);
      continue;
    }
    out += `${text.slice(copied, start)}[email]`;
    copied = end;
    at = text.indexOf('@', end);
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * A token starts with "eyJ" at a word boundary. Every later "eyJ" in the same run of [\w-]
 * ends its first segment at the same place, so once one has failed the scan goes on after the run.
 */
function maskTokens(text: string): string {
  let out = '';
  let copied = 0;
  let at = text.indexOf('eyJ');
  while (at !== -1) {
    if (at > 0 && isWord(text.charCodeAt(at - 1))) {
      at = text.indexOf('eyJ', at + 1);
      continue;
    }
    const first = labelEnd(text, at + 3);
    let end = -1;
    if (first > at + 3 && text.charCodeAt(first) === 46) {
      const second = labelEnd(text, first + 1);
      if (second > first + 1 && text.charCodeAt(second) === 46) end = labelEnd(text, second + 1);
    }
    if (end === -1) {
      at = text.indexOf('eyJ', first);
      continue;
    }
    out += `${text.slice(copied, at)}[token]`;
    copied = end;
    at = text.indexOf('eyJ', end);
  }
  return copied === 0 ? text : out + text.slice(copied);
}

export function redactText(text: string): string {
  return maskEmails(maskTokens(text.replace(BEARER, 'Bearer [redacted]')));
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
