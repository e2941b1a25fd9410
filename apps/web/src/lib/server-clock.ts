/**
 * The server's clock as seen from the browser. Every countdown runs on it, never on the local clock:
 * offset = serverTime − (the local instant the server read its clock), estimated from round trips of
 * `time:sync`, and the sample with the shortest round trip wins (its midpoint is the least uncertain).
 */
export interface ClockSample {
  /** Local ms (Date.now()) when the request left. */
  sentAt: number;
  /** Local ms when the answer arrived. */
  receivedAt: number;
  /** The server's ISO instant in the answer. */
  serverTime: string;
}

export interface ClockEstimate {
  offsetMs: number;
  roundTripMs: number;
}

export function estimateOffset(samples: readonly ClockSample[]): ClockEstimate | null {
  let best: ClockEstimate | null = null;
  for (const s of samples) {
    const server = Date.parse(s.serverTime);
    const roundTripMs = s.receivedAt - s.sentAt;
    if (!Number.isFinite(server) || roundTripMs < 0) continue;
    if (best === null || roundTripMs < best.roundTripMs) {
      best = { roundTripMs, offsetMs: Math.round(server - (s.sentAt + roundTripMs / 2)) };
    }
  }
  return best;
}

/** Holds the current estimate; `now()` is the server's time in ms. */
export class ServerClock {
  private estimate: ClockEstimate | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly localNow: () => number = () => Date.now()) {}

  get offsetMs(): number {
    return this.estimate?.offsetMs ?? 0;
  }

  get synced(): boolean {
    return this.estimate !== null;
  }

  /** Takes a new round of samples: its best one replaces the estimate (clocks drift; old rounds age). */
  update(samples: readonly ClockSample[]): void {
    const next = estimateOffset(samples);
    if (next === null) return;
    this.estimate = next;
    this.listeners.forEach((l) => l());
  }

  /** A coarse estimate from a snapshot's serverTime when no round trip has been measured yet. */
  seed(serverTime: string): void {
    if (this.estimate !== null) return;
    const server = Date.parse(serverTime);
    if (Number.isFinite(server)) this.estimate = { offsetMs: server - this.localNow(), roundTripMs: Number.POSITIVE_INFINITY };
    this.listeners.forEach((l) => l());
  }

  now(): number {
    return this.localNow() + this.offsetMs;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
