import { io, type Socket } from 'socket.io-client';
import {
  AUCTION_EVENT_NAMES,
  type AuctionEvent,
  type AuctionEventName,
  type BidAck,
  type ClientMessages,
  type JoinAck,
  type LotSnapshot,
  type Refusal,
  type ServerEvents,
} from '@app/contracts';
import type { ClockSample, ServerClock } from '../server-clock';

/** What the server answers to each client message (libs/contracts, DESIGN §5). */
export interface ClientAcks {
  'lot:join': JoinAck | Refusal;
  'lot:leave': { ok: true } | Refusal;
  'bid:place': BidAck;
  'bid:area': BidAck;
  'bid:share': BidAck;
  'bid:opt-in': BidAck;
  'bid:sealed': BidAck;
  'time:sync': ({ ok: true } & Pick<LotSnapshot, 'serverTime'>) | Refusal;
}

export type ConnectionEvent = 'connected' | 'disconnected';

export interface AuctionSocketOptions {
  /** Origin of the API; default: the page's own (the API serves the web app, or Vite proxies). */
  url?: string;
  /** Read at every (re)connection, so a refreshed token is used: none means a spectator. */
  token?: () => string | null;
  /**
   * Renews the session when the handshake is refused with TOKEN_EXPIRED (the access token outlived
   * its 15 minutes while the socket was away); true when a new token is there to connect with.
   */
  refresh?: () => Promise<boolean>;
}

/**
 * The one socket.io connection to `/auction`, typed with libs/contracts: requests with their
 * acknowledgement types, broadcasts as {@link AuctionEvent} (the event name becomes `type`), automatic
 * reconnection, and time sync.
 */
export class AuctionSocket {
  private readonly socket: Socket;

  constructor(opts: AuctionSocketOptions = {}) {
    const url = `${opts.url ?? ''}/auction`;
    this.socket = io(url, {
      autoConnect: false,
      transports: ['websocket', 'polling'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 5_000,
      auth: (cb) => {
        const token = opts.token?.();
        cb(token ? { token } : {});
      },
    });
    // A refused handshake ends socket.io's reconnection: after a renewed session, connect again.
    const refresh = opts.refresh;
    if (refresh) {
      this.socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
        if (err.data?.code !== 'TOKEN_EXPIRED') return;
        void refresh().then((renewed) => {
          if (renewed) this.socket.connect();
        });
      });
    }
  }

  connect(): void {
    this.socket.connect();
  }

  close(): void {
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  request<K extends keyof ClientMessages>(event: K, payload: ClientMessages[K], timeoutMs = 10_000): Promise<ClientAcks[K]> {
    return this.socket.timeout(timeoutMs).emitWithAck(event, payload) as Promise<ClientAcks[K]>;
  }

  /** Every broadcast of the protocol, with its name as `type`. */
  onEvent(listener: (event: AuctionEvent) => void): () => void {
    const handlers = AUCTION_EVENT_NAMES.map((name) => {
      const handler = (frame: ServerEvents[AuctionEventName]) => listener({ ...frame, type: name } as AuctionEvent);
      this.socket.on(name, handler);
      return [name, handler] as const;
    });
    return () => handlers.forEach(([name, handler]) => this.socket.off(name, handler));
  }

  onConnection(listener: (event: ConnectionEvent) => void): () => void {
    const up = () => listener('connected');
    const down = () => listener('disconnected');
    this.socket.on('connect', up);
    this.socket.on('disconnect', down);
    return () => {
      this.socket.off('connect', up);
      this.socket.off('disconnect', down);
    };
  }

  /** `rounds` sequential time:sync round trips; the clock keeps the best (shortest) one. */
  async syncTime(clock: ServerClock, rounds = 5): Promise<void> {
    const samples: ClockSample[] = [];
    for (let i = 0; i < rounds; i++) {
      const sentAt = Date.now();
      try {
        const ack = await this.request('time:sync', {}, 5_000);
        if (ack.ok) samples.push({ sentAt, receivedAt: Date.now(), serverTime: ack.serverTime });
      } catch {
        break;
      }
    }
    clock.update(samples);
  }
}
