/**
 * The registration baseline: a bare Node HTTP handler (no framework, no validation library, no
 * outbox) that inserts the same participant document with the native driver into the same
 * store. Run as its own process, like the service it is compared with.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { MongoClient } from 'mongodb';

const client = new MongoClient(process.env.MONGO_URL!);
await client.connect();
const participants = client.db(process.env.MONGO_DATABASE!).collection('participants');

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
        const input = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
          name: { given: string; family: string };
          email: string;
          role: string;
        };
        const now = new Date();
        const doc = {
          _id: randomUUID(),
          delegationId: match[1],
          ...input,
          name: { ...input.name, givenLatin: input.name.given, familyLatin: input.name.family },
          emailKey: input.email.toLowerCase(),
          state: 'pending',
          confirmed: true,
          version: 1,
          createdAt: now,
          updatedAt: now,
        };
        await participants.insertOne(doc as never);
        res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify(doc));
      } catch (error) {
        res.writeHead(500).end(String(error));
      }
    })();
  });
});
server.listen(Number(process.env.HTTP_PORT), '127.0.0.1', () => process.stdout.write('ready\n'));
process.on('SIGTERM', () => {
  server.close();
  void client.close().then(() => process.exit(0));
});
