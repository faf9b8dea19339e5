import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { EnvVar } from './env-var.decorator.js';
import { AtMostReplicationFactor } from './at-most-replication-factor.validator.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const SASL_MECHANISMS = ['scram-sha-256', 'scram-sha-512'] as const;
export type KafkaSaslMechanism = (typeof SASL_MECHANISMS)[number];

/** What a Kafka client needs to authenticate (the shape kafkajs' `sasl` option takes). */
export type KafkaSasl = {
  [M in KafkaSaslMechanism]: { mechanism: M; username: string; password: string };
}[KafkaSaslMechanism];

/** Plenary's roles (libs/auth's ROLES; config cannot depend on auth). */
const PLENARY_ROLES = ['secretariat', 'coordinator', 'observer'] as const;

const HOST_PORT_LIST = /^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/;

const splitList = ({ value }: { value: unknown }) =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : value;

// Implicit conversion would turn any non-empty string, "false" included, into true.
const parseBoolean = ({ obj, key, value }: { obj: Record<string, unknown>; key: string; value: unknown }) => {
  if (!(key in obj)) return value;
  const raw = String(obj[key]).toLowerCase();
  return raw === 'true' ? true : raw === 'false' ? false : obj[key];
};

/**
 * The environment every Plenary service reads: HTTP, logging, store, Kafka, auth.
 * Each app extends it with its own name and defaults; libs inject this base class.
 * Every property states its type: implicit conversion from the environment's strings reads it
 * from the emitted design:type, which an inferred type does not produce.
 */
export abstract class ServiceConfig {
  /** The app's short name (events, participants, reports): not configurable, set by the subclass. */
  abstract readonly service: string;

  @EnvVar('TCP port of the HTTP API.')
  @IsInt()
  @Min(1)
  @Max(65535)
  HTTP_PORT: number = 3000;

  @EnvVar('Address the HTTP API listens on.')
  @IsString()
  HTTP_HOST: string = '0.0.0.0';

  @EnvVar('Largest accepted request body, e.g. 100kb or 1mb.')
  @Matches(/^\d+(b|kb|mb)$/i)
  HTTP_BODY_LIMIT: string = '100kb';

  @EnvVar('Changes (POST, PUT, PATCH, DELETE) a minute per token subject on one instance; 0: no limit.')
  @IsInt()
  @Min(0)
  HTTP_WRITE_RATE_LIMIT: number = 120;

  @EnvVar('Origins allowed by CORS, comma-separated (e.g. https://plenary.example.org). Unset: no CORS.', {
    optional: true,
  })
  @IsOptional()
  @Transform(splitList)
  @IsUrl({ require_tld: false, require_protocol: true }, { each: true })
  CORS_ORIGINS?: string[];

  @EnvVar('Log level: fatal, error, warn, info, debug, trace or silent.')
  @IsIn(LOG_LEVELS)
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @EnvVar('MongoDB connection string (MongoDB or FerretDB), e.g. mongodb://127.0.0.1:27017.')
  @Matches(/^mongodb(\+srv)?:\/\/\S+$/, { message: 'must be a mongodb:// or mongodb+srv:// URL' })
  MONGO_URL: string;

  @EnvVar('Database this service owns; no two services share one. Default: plenary_{service}.', {
    optional: true,
  })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9_]{0,62}$/, { message: 'must be lower case letters, digits and _' })
  MONGO_DATABASE?: string;

  @EnvVar('How long a store operation may wait for the server before it fails (ms).')
  @IsInt()
  @Min(100)
  MONGO_TIMEOUT_MS: number = 3000;

  @EnvVar('Kafka bootstrap brokers, comma-separated host:port.')
  @Matches(HOST_PORT_LIST, { message: 'must be host:port[,host:port...]' })
  KAFKA_BROKERS: string;

  @EnvVar('Prefix for every topic name, to share one cluster between environments.')
  @Matches(/^[a-zA-Z0-9._-]*$/)
  KAFKA_TOPIC_PREFIX: string = '';

  @EnvVar('Partitions of the topics this service creates.')
  @IsInt()
  @Min(1)
  KAFKA_TOPIC_PARTITIONS: number = 3;

  @EnvVar('Replication factor of the topics this service creates; -1 takes the broker default.')
  @IsInt()
  @Min(-1)
  KAFKA_TOPIC_REPLICATION_FACTOR: number = -1;

  @EnvVar(
    'Retention of the topics this service creates (ms); -1 keeps every message, so subscribers can replay.',
  )
  @IsInt()
  @Min(-1)
  KAFKA_TOPIC_RETENTION_MS: number = -1;

  @EnvVar(
    'min.insync.replicas of the topics this service creates. Default: 2 when the replication factor is 3 or more, 1 below; with a replication factor of -1, the broker default.',
    { optional: true },
  )
  @IsOptional()
  @IsInt()
  @Min(1)
  @AtMostReplicationFactor()
  KAFKA_MIN_INSYNC_REPLICAS?: number;

  @EnvVar(
    'SASL mechanism to authenticate to Kafka with: scram-sha-512 or scram-sha-256. Unset: no authentication (a broker without SASL).',
    { optional: true },
  )
  @ValidateIf((config: ServiceConfig) => Boolean(config.KAFKA_SASL_MECHANISM || config.KAFKA_USERNAME))
  @IsIn(SASL_MECHANISMS, { message: 'must be scram-sha-512 or scram-sha-256 when KAFKA_USERNAME is set' })
  KAFKA_SASL_MECHANISM?: KafkaSaslMechanism;

  @EnvVar("This service's Kafka principal (SCRAM user name); needed with KAFKA_SASL_MECHANISM.", {
    optional: true,
  })
  @ValidateIf((config: ServiceConfig) => Boolean(config.KAFKA_SASL_MECHANISM))
  @IsString({ message: 'KAFKA_USERNAME must be set with KAFKA_SASL_MECHANISM' })
  @MinLength(1)
  KAFKA_USERNAME?: string;

  @EnvVar("The Kafka principal's password; needed with KAFKA_SASL_MECHANISM.", {
    optional: true,
    secret: true,
  })
  @ValidateIf((config: ServiceConfig) => Boolean(config.KAFKA_SASL_MECHANISM))
  @IsString({ message: 'KAFKA_PASSWORD must be set with KAFKA_SASL_MECHANISM' })
  @MinLength(1)
  KAFKA_PASSWORD?: string;

  @EnvVar('Consumer group of this service. Default: plenary-{service}.', { optional: true })
  @IsOptional()
  @Matches(/^[a-zA-Z0-9._-]+$/)
  KAFKA_CONSUMER_GROUP?: string;

  @EnvVar('Partitions a service instance processes at the same time.')
  @IsInt()
  @Min(1)
  @Max(64)
  CONSUMER_CONCURRENCY: number = 3;

  @EnvVar('Attempts at a failing message before it goes to the dead-letter topic.')
  @IsInt()
  @Min(1)
  @Max(20)
  CONSUMER_MAX_ATTEMPTS: number = 4;

  @EnvVar('Largest message value a consumer processes (bytes); larger ones go to the dead-letter topic.')
  @IsInt()
  @Min(1024)
  CONSUMER_MAX_MESSAGE_BYTES: number = 524_288;

  @EnvVar('First retry delay for a failing message (ms); doubles on each attempt.')
  @IsInt()
  @Min(1)
  CONSUMER_RETRY_BACKOFF_MS: number = 100;

  @EnvVar('How long the ids of processed messages are kept to drop redeliveries (hours).')
  @IsInt()
  @Min(1)
  INBOX_RETENTION_HOURS: number = 168;

  @EnvVar(
    'How long an Idempotency-Key and its first response are kept, so that a retry gets that response again (hours).',
  )
  @IsInt()
  @Min(1)
  IDEMPOTENCY_KEY_RETENTION_HOURS: number = 24;

  @EnvVar(
    'How long a request holds its Idempotency-Key before it is taken for dead and a retry may run it again (seconds); longer than any request takes.',
  )
  @IsInt()
  @Min(1)
  IDEMPOTENCY_KEY_LEASE_SECONDS: number = 60;

  @EnvVar(
    'How often the outbox relay sweeps every outbox for unsent messages (ms). Writes wake it with the document written; the sweep is the safety net, and scans.',
  )
  @IsInt()
  @Min(50)
  OUTBOX_SWEEP_INTERVAL_MS: number = 30_000;

  @EnvVar('Most documents the outbox relay sends in one Kafka request.')
  @IsInt()
  @Min(1)
  @Max(5000)
  OUTBOX_BATCH_SIZE: number = 200;

  @EnvVar(
    "Largest produce request the outbox relay sends (bytes, uncompressed); keep it under the broker's message.max.bytes (1048588 by default). A message larger than this alone is dead-lettered, not retried.",
  )
  @IsInt()
  @Min(16_384)
  OUTBOX_MAX_REQUEST_BYTES: number = 1_000_000;

  @EnvVar(
    "How long the outbox relay holds a meeting's later messages while an earlier sequence number is missing (a write under way) before it skips the number as a failed write (ms).",
  )
  @IsInt()
  @Min(100)
  OUTBOX_SEQUENCE_GRACE_MS: number = 5000;

  @EnvVar(
    'Shared secret (HS256, at least 32 characters) to verify local bearer tokens (npm run token, scripts, tests). Set this, AUTH_JWKS_URL or both.',
    {
      optional: true,
      secret: true,
    },
  )
  @ValidateIf((config: ServiceConfig) => !config.AUTH_JWKS_URL || config.AUTH_JWT_SECRET !== undefined)
  @IsString({ message: 'AUTH_JWT_SECRET or AUTH_JWKS_URL must be set' })
  @MinLength(32)
  AUTH_JWT_SECRET?: string;

  @EnvVar(
    "JWKS URL of the identity provider whose signed tokens (RS256, PS256, ES256, EdDSA) are accepted, e.g. Keycloak's <issuer>/protocol/openid-connect/certs. Set this, AUTH_JWT_SECRET or both.",
    {
      optional: true,
    },
  )
  @IsOptional()
  @IsUrl({ require_tld: false, require_protocol: true })
  AUTH_JWKS_URL?: string;

  @EnvVar(
    'Expected "iss" claim of the identity provider\'s tokens (those checked with AUTH_JWKS_URL), e.g. https://login.microsoftonline.com/<tenant>/v2.0. Default: AUTH_ISSUER.',
    { optional: true },
  )
  @IsOptional()
  @IsString()
  @MinLength(1)
  AUTH_JWKS_ISSUER?: string;

  @EnvVar('Expected "iss" claim of local (HS256) bearer tokens.')
  @IsString()
  AUTH_ISSUER: string = 'plenary';

  @EnvVar(
    'Role of a token that carries none of secretariat, coordinator, observer in its role or roles claim (e.g. coordinator: such a person acts only where the secretariat designated them). Unset: such tokens are refused.',
    { optional: true },
  )
  @IsOptional()
  @IsIn(PLENARY_ROLES)
  AUTH_DEFAULT_ROLE?: (typeof PLENARY_ROLES)[number];

  @EnvVar(
    "true: the identity provider's email claim counts as verified even without email_verified (for a provider that issues only addresses it controls, e.g. Entra ID with verified domains only); false: only email_verified (or Entra ID's xms_edov) true does.",
  )
  @Transform(parseBoolean)
  @IsBoolean({ message: 'must be true or false' })
  AUTH_TRUST_EMAIL_CLAIM: boolean = false;

  @EnvVar('Expected "aud" claim of bearer tokens (local and from the identity provider).')
  @IsString()
  AUTH_AUDIENCE: string = 'plenary';

  @EnvVar('How long a stopping service may take to drain consumers and flush the outbox (ms).')
  @IsInt()
  @Min(1000)
  SHUTDOWN_TIMEOUT_MS: number = 10000;

  get kafkaBrokers(): string[] {
    return this.KAFKA_BROKERS.split(',').map((b) => b.trim());
  }

  get mongoDatabase(): string {
    return this.MONGO_DATABASE ?? `plenary_${this.service}`;
  }

  /** The credentials Kafka clients authenticate with; undefined without SASL. */
  get kafkaSasl(): KafkaSasl | undefined {
    if (!this.KAFKA_SASL_MECHANISM || !this.KAFKA_USERNAME || this.KAFKA_PASSWORD === undefined)
      return undefined;
    const credentials = { username: this.KAFKA_USERNAME, password: this.KAFKA_PASSWORD };
    return this.KAFKA_SASL_MECHANISM === 'scram-sha-256'
      ? { mechanism: 'scram-sha-256', ...credentials }
      : { mechanism: 'scram-sha-512', ...credentials };
  }

  /**
   * min.insync.replicas for new topics: with acks=all, a write succeeds only once this many
   * replicas have it, so losing one broker loses nothing acknowledged. Undefined: the broker's default.
   */
  get minInsyncReplicas(): number | undefined {
    if (this.KAFKA_MIN_INSYNC_REPLICAS !== undefined) return this.KAFKA_MIN_INSYNC_REPLICAS;
    const replicas = this.KAFKA_TOPIC_REPLICATION_FACTOR;
    if (replicas === -1) return undefined;
    return replicas >= 3 ? 2 : 1;
  }

  get consumerGroup(): string {
    return this.KAFKA_CONSUMER_GROUP ?? `plenary-${this.service}`;
  }
}
