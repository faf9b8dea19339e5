import type { Admin } from 'kafkajs';
import type { ServiceConfig } from '@plenary/config';

/** The settings every topic Plenary creates gets, from the service's configuration. */
export function topicConfigEntries(config: ServiceConfig): Array<{ name: string; value: string }> {
  const minIsr = config.minInsyncReplicas;
  return [
    { name: 'retention.ms', value: String(config.KAFKA_TOPIC_RETENTION_MS) },
    { name: 'cleanup.policy', value: 'delete' },
    // With acks=all (the relay's and the dead-letter producer's), a write is acknowledged only
    // once this many replicas hold it.
    ...(minIsr === undefined ? [] : [{ name: 'min.insync.replicas', value: String(minIsr) }]),
  ];
}

/**
 * Creates the topics a service writes to or reads from, with the project's settings rather
 * than the broker's defaults: partitions, replication, min.insync.replicas and retention (kept
 * forever by default, so a new subscriber can replay from the beginning). Existing topics are
 * left as they are. Under ACLs a service may create only its own topics: a topic it reads that
 * its owner has not created yet makes this throw, and the caller tries again later.
 */
export async function ensureTopics(admin: Admin, topics: string[], config: ServiceConfig): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = [...new Set(topics)].filter((t) => !existing.has(t));
  if (missing.length === 0) return;
  // Several services may create the same topic at once; the loser's error is harmless if the topic is there now.
  await admin
    .createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: config.KAFKA_TOPIC_PARTITIONS,
        replicationFactor: config.KAFKA_TOPIC_REPLICATION_FACTOR,
        configEntries: topicConfigEntries(config),
      })),
    })
    .catch(async (error: unknown) => {
      const now = new Set(await admin.listTopics());
      if (!missing.every((t) => now.has(t))) throw error;
    });
}
