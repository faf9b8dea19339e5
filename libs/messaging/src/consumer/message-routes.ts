import type { MessageHandler } from '@nestjs/microservices';
import type { HandlerKind } from './handler-kinds.js';

/** One handler of a message type: Nest's callable (the method behind its filters) and how to call it. */
export interface MessageRoute extends HandlerKind {
  handle: MessageHandler;
}

/**
 * The handlers of each message type. Nest would chain a type's second handler behind its first
 * and call them as one; PlenaryKafkaServer calls each itself, since one may take batches and
 * another single messages, and only some need the inbox.
 */
export class MessageRoutes {
  private readonly byType = new Map<string, MessageRoute[]>();

  add(type: string, route: MessageRoute): void {
    this.byType.set(type, [...this.of(type), route]);
  }

  of(type: string): readonly MessageRoute[] {
    return this.byType.get(type) ?? [];
  }

  types(): string[] {
    return [...this.byType.keys()];
  }

  /** A redelivery must be dropped by id unless every handler of the type is idempotent by itself. */
  needsInbox(type: string): boolean {
    return this.of(type).some((route) => !route.idempotent);
  }

  /** The batch handler that alone handles this type, if there is one: its messages can be handed over together. */
  soleBatchRoute(type: string): MessageRoute | undefined {
    const routes = this.of(type);
    return routes.length === 1 && routes[0].batch ? routes[0] : undefined;
  }
}
