import type { Message } from 'kafkajs';

/** Kafka's per-record overhead in a v2 record batch, rounded up (length, attributes, deltas, header counts). */
const RECORD_OVERHEAD_BYTES = 32;
/** A record batch's own header, and the produce request's, rounded up. */
export const REQUEST_OVERHEAD_BYTES = 256;

const length = (value: Message['key'] | Message['value']): number =>
  value === null || value === undefined
    ? 0
    : typeof value === 'string'
      ? Buffer.byteLength(value)
      : value.length;

/** The bytes a message takes on the wire, uncompressed: key, value and headers, with the record's overhead. */
export function encodedSize(message: Message): number {
  let size = RECORD_OVERHEAD_BYTES + length(message.key) + length(message.value);
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) size += Buffer.byteLength(name) + length(v as Buffer | string | undefined) + 8;
  }
  return size;
}

export interface ByteBatches<T> {
  /** The items in their order, cut into runs whose sizes add up to at most the limit. */
  batches: T[][];
  /** Items that alone exceed the limit: no request can carry them. */
  oversized: T[];
}

/**
 * Cuts items into consecutive batches that each fit one produce request: kafkajs sends a
 * batch as one request whatever its size, and the broker refuses one over its limit, every
 * time. Order is kept; an item too large for any request is taken out and reported.
 */
export function splitByBytes<T>(
  items: T[],
  sizeOf: (item: T) => number,
  maxBytes: number,
  maxCount = Number.POSITIVE_INFINITY,
): ByteBatches<T> {
  const budget = maxBytes - REQUEST_OVERHEAD_BYTES;
  const batches: T[][] = [];
  const oversized: T[] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (size > budget) {
      oversized.push(item);
      continue;
    }
    if (current.length > 0 && (bytes + size > budget || current.length >= maxCount)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(item);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return { batches, oversized };
}
