import { ServerClock } from './server-clock';

/**
 * The server's clock for pages without a socket (deadlines days away: a deposit, a contract): sampled
 * from the HTTP `Date` header of the API's answers. The header has whole seconds only, which is plenty
 * for such deadlines; the auction room measures its clock over the socket instead (`time:sync`).
 */
export const httpClock = new ServerClock();

/** Feeds one answer's `Date` header (taken between `sentAt` and now) into {@link httpClock}. */
export function sampleHttpClock(response: Response, sentAt: number): void {
  const date = response.headers.get('Date');
  if (!date) return;
  const serverTime = new Date(date);
  if (Number.isNaN(serverTime.getTime())) return;
  // The header truncates to the second: half a second is the unbiased estimate of what it dropped.
  httpClock.update([{ sentAt, receivedAt: Date.now(), serverTime: new Date(serverTime.getTime() + 500).toISOString() }]);
}
