import { AsyncLocalStorage } from 'node:async_hooks';

export interface Actor {
  id: string;
  username: string;
  roles: readonly string[];
}

export interface RequestContextData {
  requestId: string;
  ip?: string;
  actor?: Actor;
}

const storage = new AsyncLocalStorage<RequestContextData>();

/**
 * Who is acting and under which request id, available to services (audit above all) without passing
 * it through every signature. HTTP requests and socket messages each run inside one context.
 */
export const RequestContext = {
  run<T>(data: RequestContextData, fn: () => T): T {
    return storage.run(data, fn);
  },
  current(): RequestContextData | undefined {
    return storage.getStore();
  },
  requestId(): string | undefined {
    return storage.getStore()?.requestId;
  },
  actor(): Actor | undefined {
    return storage.getStore()?.actor;
  },
  setActor(actor: Actor): void {
    const store = storage.getStore();
    if (store) store.actor = actor;
  },
};
