import { useEffect, useReducer, useRef, useState } from 'react';
import { ServerClock } from '../server-clock';
import { AuctionSocket } from './auction-socket';
import { hasGap, initialLotRoomState, lotRoomReducer, type LotRoomState } from './lot-room-state';

/** How long frames may wait behind a missing seq before the client rejoins to fetch it. */
const GAP_PATIENCE_MS = 1_500;

export interface LotRoom {
  state: LotRoomState;
  clock: ServerClock;
  socket: AuctionSocket;
}

/**
 * Joins a lot over the socket and keeps its state: join (and on every reconnection, rejoin with
 * `lastSeq`, so the events missed meanwhile are replayed in order), time sync, and a rejoin when a gap
 * in `seq` does not fill by itself.
 */
export function useLotRoom(lotId: string, opts: { token?: () => string | null; refresh?: () => Promise<boolean> } = {}): LotRoom {
  const [state, dispatch] = useReducer(lotRoomReducer, lotId, initialLotRoomState);
  const seqRef = useRef(0);
  const [clock] = useState(() => new ServerClock());
  // `token` is read at every (re)connection: pass a stable getter such as authTokens.access.
  const [socket] = useState(() => new AuctionSocket({ token: opts.token, refresh: opts.refresh }));

  useEffect(() => {
    seqRef.current = state.seq;
  });

  useEffect(() => {
    let live = true;
    const join = async () => {
      dispatch({ type: 'join:start' });
      const lastSeq = seqRef.current;
      try {
        const ack = await socket.request('lot:join', lastSeq > 0 ? { lotId, lastSeq } : { lotId });
        if (!live) return;
        if (ack.ok) {
          clock.seed(ack.snapshot.serverTime);
          dispatch({ type: 'join:ok', ack });
          void socket.syncTime(clock);
        } else {
          dispatch({ type: 'join:failed', code: ack.code, message: ack.message });
        }
      } catch {
        if (live) dispatch({ type: 'join:failed', code: 'TIMEOUT', message: 'no answer from the server' });
      }
    };
    const offEvents = socket.onEvent((event) => dispatch({ type: 'frame', event }));
    const offConnection = socket.onConnection((c) => {
      if (c === 'connected') void join();
      else dispatch({ type: 'disconnected' });
    });
    socket.connect();
    return () => {
      live = false;
      offEvents();
      offConnection();
      socket.close();
    };
  }, [lotId, socket, clock]);

  const gap = hasGap(state);
  useEffect(() => {
    if (!gap) return;
    const timer = setTimeout(() => {
      void socket.request('lot:join', { lotId, lastSeq: seqRef.current }).then((ack) => {
        if (ack.ok) dispatch({ type: 'join:ok', ack });
      });
    }, GAP_PATIENCE_MS);
    return () => clearTimeout(timer);
  }, [gap, lotId, socket]);

  return { state, clock, socket };
}
