import { useEffect, useState } from 'react';
import { api, unwrap } from '@web/api/client';
import type { ClockSample } from './server-clock';
import { ServerClock } from './server-clock';

/** Round trips per measurement: the shortest one wins (server-clock.ts). */
const SAMPLES = 3;

async function sample(): Promise<ClockSample> {
  const sentAt = Date.now();
  const { serverTime } = await unwrap(api.GET('/api/public/time'));
  return { sentAt, receivedAt: Date.now(), serverTime };
}

/**
 * The server's clock for pages without a live socket (a lot's schedule): measured from
 * `GET /api/public/time` when the page opens, so countdowns to deadlines never trust the local clock.
 */
export function useHttpServerClock(): ServerClock {
  const [clock] = useState(() => new ServerClock());
  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const samples: ClockSample[] = [];
      for (let i = 0; i < SAMPLES && !cancelled; i++) samples.push(await sample());
      if (!cancelled) clock.update(samples);
    })().catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [clock]);
  return clock;
}
