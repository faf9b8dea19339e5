import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What a unit of work (an HTTP request or a consumed message) knows about its cause:
 * the correlation id shared by everything that follows from one user action, the id of
 * the direct cause (request or message), and who acted.
 */
export interface RequestContextData {
  correlationId: string;
  causationId: string;
  actor?: { id: string; role: string };
}

const storage = new AsyncLocalStorage<RequestContextData>();

export const RequestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  },
  current(): RequestContextData | undefined {
    return storage.getStore();
  },
  /** Records the authenticated actor on the current context (set by the auth guard). */
  setActor(actor: { id: string; role: string }): void {
    const store = storage.getStore();
    if (store) store.actor = actor;
  },
};
