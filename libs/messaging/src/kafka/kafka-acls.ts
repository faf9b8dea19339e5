import kafkajs, {
  type AclEntry,
  type AclOperationTypes,
  type AclResourceTypes,
  type Admin,
  type ResourcePatternTypes,
} from 'kafkajs';
import { deadLetterTopic, Topics } from '@plenary/contracts';

// kafkajs is CommonJS and its enums are not among the named exports Node's ESM loader finds.
const {
  AclOperationTypes: Operation,
  AclPermissionTypes: Permission,
  AclResourceTypes: Resource,
  ResourcePatternTypes: Pattern,
} = kafkajs;

/** The apps that own a topic each; the Kafka principal of each is its name (User:events, …). */
export const TOPIC_OWNERS = Object.keys(Topics) as Array<keyof typeof Topics>;
export type TopicOwner = (typeof TOPIC_OWNERS)[number];

/** The console's server: a reader of one topic, not an owner of any. */
const CONSOLE = { principal: 'User:console', group: 'plenary-console' };

export interface KafkaAccessOptions {
  /** The deployment's KAFKA_TOPIC_PREFIX. */
  topicPrefix?: string;
  /**
   * Principals that may only read the public topics, e.g. an outside subscriber, each with the
   * consumer groups it may use (those whose names start with `group`).
   */
  subscribers?: Array<{ principal: string; group: string }>;
}

const allow = (
  principal: string,
  resourceType: AclResourceTypes,
  resourceName: string,
  operation: AclOperationTypes,
  resourcePatternType: ResourcePatternTypes = Pattern.LITERAL,
): AclEntry => ({
  principal,
  host: '*',
  permissionType: Permission.ALLOW,
  operation,
  resourceType,
  resourceName,
  resourcePatternType,
});

/**
 * Who may do what on Plenary's topics, with the broker's `allow.everyone.if.no.acl.found=false`:
 * - each service creates, writes and describes only its own topic and its own dead-letter topic
 *   (so no other principal can publish as it), reads every Plenary topic (services consume each
 *   other's) and its own dead letters, and uses only consumer groups named after its group
 *   (plenary-{service}…: its own, and the throw-away readers of the operator's tools);
 * - the web console reads the participants topic (to tell open pages of changes) with groups
 *   named plenary-console…, and writes nothing;
 * - a subscriber reads the three public topics with its own group, and writes nothing;
 * - the admin (a super user in the broker's configuration) needs no ACL.
 */
export function plenaryAcls(options: KafkaAccessOptions = {}): AclEntry[] {
  const prefix = options.topicPrefix ?? '';
  const publicTopics = TOPIC_OWNERS.map((owner) => prefix + Topics[owner]);
  const acls: AclEntry[] = [];
  for (const owner of TOPIC_OWNERS) {
    const principal = `User:${owner}`;
    const group = `plenary-${owner}`;
    const own = [prefix + Topics[owner], prefix + deadLetterTopic(group)];
    for (const topic of own)
      for (const operation of [Operation.CREATE, Operation.WRITE, Operation.DESCRIBE])
        acls.push(allow(principal, Resource.TOPIC, topic, operation));
    for (const topic of [...publicTopics, prefix + deadLetterTopic(group)])
      acls.push(allow(principal, Resource.TOPIC, topic, Operation.READ));
    acls.push(allow(principal, Resource.GROUP, group, Operation.READ, Pattern.PREFIXED));
  }
  acls.push(
    allow(CONSOLE.principal, Resource.TOPIC, prefix + Topics.participants, Operation.READ),
    allow(CONSOLE.principal, Resource.GROUP, CONSOLE.group, Operation.READ, Pattern.PREFIXED),
  );
  for (const { principal, group } of options.subscribers ?? []) {
    for (const topic of publicTopics) acls.push(allow(principal, Resource.TOPIC, topic, Operation.READ));
    acls.push(allow(principal, Resource.GROUP, group, Operation.READ, Pattern.PREFIXED));
  }
  return acls;
}

/** Creates the ACLs (as a super user); Kafka keeps one copy of an ACL created twice. */
export async function ensurePlenaryAcls(admin: Admin, options: KafkaAccessOptions = {}): Promise<number> {
  const acl = plenaryAcls(options);
  await admin.createAcls({ acl });
  return acl.length;
}
