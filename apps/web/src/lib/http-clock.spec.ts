import { describe, expect, it } from 'vitest';
import { httpClock, sampleHttpClock } from './http-clock';

describe('the server clock from HTTP Date headers', () => {
  it('takes the offset from an answer’s Date header (half a second added for the truncated part)', () => {
    const server = Date.now() + 3_600_000;
    const header = new Date(server - (server % 1000)).toUTCString();
    sampleHttpClock(new Response(null, { headers: { Date: header } }), Date.now());
    expect(httpClock.synced).toBe(true);
    expect(Math.abs(httpClock.now() - server)).toBeLessThan(1_500);
  });

  it('ignores an answer without a usable Date header', () => {
    const before = httpClock.offsetMs;
    sampleHttpClock(new Response(null, { headers: { Date: 'not a date' } }), Date.now());
    sampleHttpClock(new Response(null), Date.now());
    expect(httpClock.offsetMs).toBe(before);
  });
});
