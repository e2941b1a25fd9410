import { useCallback, useState } from 'react';
import type { BidAck } from '@app/contracts';
import type { AuctionSocket } from '@web/lib/lot-room/auction-socket';

export type SubmissionKind = 'price' | 'area' | 'share' | 'optIn' | 'sealed';

/** One thing this bidder sent, and what became of it. */
export interface Submission {
  clientBidId: string;
  kind: SubmissionKind;
  /** The price, area or share sent (the decimal string); null for an opt-in. */
  value: string | null;
  status: 'pending' | 'committed' | 'refused';
  seq?: number;
  duplicate?: boolean;
  commitment?: string;
  code?: string;
  message?: string;
}

/**
 * How often a bid without an answer is sent: a price, area or share carries its clientBidId, so the
 * server answers a resend with the first answer; an opt-in or a sealed price has no such id, and a
 * resend could only meet ALREADY_ENTERED / ALREADY_SUBMITTED, so it is sent once.
 */
const ATTEMPTS: Record<SubmissionKind, number> = { price: 3, area: 3, share: 3, optIn: 1, sealed: 1 };

let counter = 0;
/** A client bid id: 1–64 of A–Z a–z 0–9 . _ : - (contracts PlaceBid). */
function newClientBidId(): string {
  counter += 1;
  return `web-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * Sends the bidder's messages over the lot's socket and tracks each one: pending until the server
 * acknowledges it, then committed (with its seq) or refused (with the server's code). A bid that gets
 * no answer is sent again with the same clientBidId, so it can never count twice.
 */
export function useBidding(socket: AuctionSocket, lotId: string) {
  const [submissions, setSubmissions] = useState<Submission[]>([]);

  const update = (clientBidId: string, patch: Partial<Submission>) =>
    setSubmissions((list) => list.map((s) => (s.clientBidId === clientBidId ? { ...s, ...patch } : s)));

  const send = useCallback(
    async (kind: SubmissionKind, value: string | null): Promise<Submission['status']> => {
      const clientBidId = newClientBidId();
      setSubmissions((list) => [{ clientBidId, kind, value, status: 'pending' }, ...list]);
      const request = (): Promise<BidAck> => {
        switch (kind) {
          case 'price':
            return socket.request('bid:place', { lotId, clientBidId, price: value! });
          case 'area':
            return socket.request('bid:area', { lotId, clientBidId, area: value! });
          case 'share':
            return socket.request('bid:share', { lotId, clientBidId, share: value! });
          case 'optIn':
            return socket.request('bid:opt-in', { lotId });
          case 'sealed':
            return socket.request('bid:sealed', { lotId, price: value! });
        }
      };
      for (let attempt = 1; attempt <= ATTEMPTS[kind]; attempt++) {
        let ack: BidAck;
        try {
          ack = await request();
        } catch {
          continue;
        }
        if (ack.ok) {
          update(clientBidId, { status: 'committed', seq: ack.seq, duplicate: ack.duplicate, commitment: ack.commitment });
          return 'committed';
        }
        update(clientBidId, { status: 'refused', code: ack.code, message: ack.message });
        return 'refused';
      }
      update(clientBidId, { status: 'refused', code: 'NO_ANSWER', message: 'no answer from the server' });
      return 'refused';
    },
    [socket, lotId],
  );

  return { submissions, send };
}
