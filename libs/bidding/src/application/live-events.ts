import { Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';

/** An event as stored in `lot_event` and broadcast: the engine event's JSON plus its place in the chain. */
export interface StoredEvent {
  readonly seq: number;
  readonly type: string;
  /** The engine event as JSON (amounts as strings, instants as ISO 8601), without seq. */
  readonly payload: Record<string, unknown>;
  readonly prevHash: string | null;
  readonly hash: string;
  readonly at: Date;
}

export const lotRoom = (lotId: string) => `lot:${lotId}`;
export const applicationRoom = (applicationId: string) => `application:${applicationId}`;

/**
 * Broadcasts committed events to the `/auction` namespace (DESIGN.md §5). Called only after the
 * transaction that stored them committed. Everyone in the lot's room gets the public payload (bidder
 * numbers, never identities); the sockets of the bidder that placed a bid get the same payload with
 * `own: true`. With the Redis or PostgreSQL adapter the rooms span every instance.
 */
@Injectable()
export class LiveEvents {
  private server?: Namespace;

  attach(server: Namespace): void {
    this.server = server;
  }

  /** `practice`: the lot is a rehearsal (模拟竞价); every frame says so (outside the hashed payload). */
  publish(lotId: string, events: readonly StoredEvent[], owners: ReadonlyMap<number, string>, practice = false): void {
    const server = this.server;
    if (!server || events.length === 0) return;
    const room = lotRoom(lotId);
    for (const e of events) {
      const frame = { lotId, seq: e.seq, serverTime: new Date().toISOString(), hash: e.hash, ...e.payload, ...(practice ? { practice: true } : {}) };
      const owner = owners.get(e.seq);
      if (owner === undefined) {
        server.to(room).emit(e.type, frame);
      } else {
        server.to(room).except(applicationRoom(owner)).emit(e.type, frame);
        server.to(applicationRoom(owner)).emit(e.type, { ...frame, own: true });
      }
    }
  }
}
