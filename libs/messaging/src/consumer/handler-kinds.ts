/**
 * How a message handler wants to be called, as Nest's pattern extras carry it from the
 * decorators (@OnMessages, @IdempotentByVersion) to PlenaryKafkaServer.addHandler.
 */
export const HANDLER_EXTRAS = {
  /** The method takes an array: consecutive messages of its types from one partition's batch. */
  batch: 'plenary.batch',
  /** The method's effect is idempotent by itself: no inbox read or write is made for it. */
  idempotent: 'plenary.idempotent',
} as const;

export interface HandlerKind {
  batch: boolean;
  idempotent: boolean;
}

export function handlerKindOf(extras: Record<string, unknown> | undefined): HandlerKind {
  return {
    batch: extras?.[HANDLER_EXTRAS.batch] === true,
    idempotent: extras?.[HANDLER_EXTRAS.idempotent] === true,
  };
}
