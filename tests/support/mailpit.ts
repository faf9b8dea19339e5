/**
 * Reads what was sent to the tests' mail server (Mailpit, MAILPIT_URL: the local stack's, started
 * by the global setup, or one given in the environment) through its HTTP API.
 *
 * Test files run side by side against the one server: find a test's own mail by a recipient or
 * subject no other test uses (`to:x@y`, `subject:"…"`); clearMailpit empties the box for all of them.
 */
export interface MailAddress {
  Name: string;
  Address: string;
}

/** A message in a list or a search (Mailpit's MessageSummary). */
export interface MailSummary {
  ID: string;
  MessageID: string;
  From: MailAddress | null;
  To: MailAddress[] | null;
  Cc: MailAddress[] | null;
  Bcc: MailAddress[] | null;
  Subject: string;
  Created: string;
  Tags: string[];
  Size: number;
  Attachments: number;
  Snippet: string;
}

export interface MailAttachment {
  PartID: string;
  FileName: string;
  ContentType: string;
  Size: number;
}

/** One message in full: its bodies, parts and headers (each header with all its values). */
export interface Mail extends Omit<MailSummary, 'Created' | 'Snippet' | 'Attachments'> {
  ReplyTo: MailAddress[] | null;
  Date: string;
  Text: string;
  HTML: string;
  Inline: MailAttachment[];
  Attachments: MailAttachment[];
  headers: Record<string, string[]>;
}

function mailpitUrl(path: string): string {
  const base = process.env.MAILPIT_URL;
  if (!base)
    throw new Error('MAILPIT_URL is not set: run the tests through Jest (its global setup starts Mailpit)');
  return `${base.replace(/\/$/, '')}${path}`;
}

async function call(method: string, path: string): Promise<Response> {
  const response = await fetch(mailpitUrl(path), { method });
  if (!response.ok) throw new Error(`Mailpit ${method} ${path}: ${response.status} ${await response.text()}`);
  return response;
}

async function get<T>(path: string): Promise<T> {
  return (await (await call('GET', path)).json()) as T;
}

/**
 * The newest messages first (up to `limit`), or those matching a Mailpit search, e.g.
 * `to:coordinator@kaz.test subject:"Registration"` (its syntax: Mailpit's search documentation).
 */
export async function mailpitMessages(query?: string, limit = 200): Promise<MailSummary[]> {
  const path = query
    ? `/api/v1/search?query=${encodeURIComponent(query)}&limit=${limit}`
    : `/api/v1/messages?limit=${limit}`;
  return (await get<{ messages: MailSummary[] }>(path)).messages;
}

/** A message with its HTML and text bodies and its headers. */
export async function mailpitMessage(id: string): Promise<Mail> {
  const [message, headers] = await Promise.all([
    get<Omit<Mail, 'headers'>>(`/api/v1/message/${encodeURIComponent(id)}`),
    get<Record<string, string[]>>(`/api/v1/message/${encodeURIComponent(id)}/headers`),
  ]);
  return { ...message, headers };
}

/** Deletes every message on the server (every test file's). */
export async function clearMailpit(): Promise<void> {
  await (await call('DELETE', '/api/v1/messages')).text(); // "ok"
}

/**
 * The first message, newest first, for which `predicate` holds, polling until it arrives; the
 * predicate sees the summary (add a query to narrow the list on a busy server).
 */
export async function waitForMail(
  predicate: (message: MailSummary) => boolean,
  timeoutMs = 15_000,
  query?: string,
): Promise<Mail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await mailpitMessages(query)).find(predicate);
    if (found) return mailpitMessage(found.ID);
    if (Date.now() > deadline) throw new Error(`no matching mail arrived within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
