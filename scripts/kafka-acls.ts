import { createKafka, ensurePlenaryAcls } from '@plenary/messaging';
import { createLogger } from '@plenary/observability';
import { serviceConfig } from './lib/service-env.js';

/**
 * Creates the ACLs of Plenary's principals (libs/messaging/src/kafka/kafka-acls.ts) on a broker
 * that authorises, connecting with the KAFKA_* settings a service takes, as a super user:
 *   KAFKA_USERNAME=admin KAFKA_PASSWORD=… KAFKA_SASL_MECHANISM=scram-sha-512 \
 *     npm run kafka-acls -- [subscriber=outcome-pages …]
 * Each argument names a read-only principal and the prefix of the consumer groups it may use.
 * Creating them again changes nothing. npm start does this on its own for the local stack.
 */
const config = serviceConfig('events');
const subscribers = process.argv.slice(2).map((argument) => {
  const [name, group] = argument.split('=');
  if (!name || !group) throw new Error(`say principal=group, not '${argument}'`);
  return { principal: `User:${name}`, group };
});

const admin = createKafka(config, createLogger('kafka-acls', 'warn'), 'acls').admin();
await admin.connect();
try {
  const count = await ensurePlenaryAcls(admin, { topicPrefix: config.KAFKA_TOPIC_PREFIX, subscribers });
  process.stdout.write(`${count} ACLs in place for the services and ${subscribers.length} subscriber(s)\n`);
} finally {
  await admin.disconnect();
}
