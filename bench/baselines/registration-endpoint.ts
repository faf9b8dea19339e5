/**
 * The HTTP side the registration baselines share: a bare Node server (no framework, no
 * validation library) answering POST /delegations/:id/participants with what `register` returns,
 * as the registration service does. Prints "ready" once listening; stops on SIGTERM.
 */
import { createServer } from 'node:http';

export interface PersonInput {
  name: { given: string; family: string };
  email: string;
  role: string;
}

export type Registration = (
  delegationId: string,
  input: PersonInput,
) => Promise<{ status: number; body: unknown }>;

export function serveRegistrations(register: Registration, close: () => Promise<void>): void {
  const server = createServer((req, res) => {
    const match = /^\/delegations\/([^/]+)\/participants$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) {
      res.writeHead(404).end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        try {
          const input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as PersonInput;
          const { status, body } = await register(match[1], input);
          res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
        } catch (error) {
          res.writeHead(500).end(String(error));
        }
      })();
    });
  });
  server.listen(Number(process.env.HTTP_PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
  process.on('SIGTERM', () => {
    server.close();
    void close().then(() => process.exit(0));
  });
}
