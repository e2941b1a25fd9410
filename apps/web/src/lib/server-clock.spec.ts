import { describe, expect, it } from 'vitest';
import { estimateOffset, ServerClock } from './server-clock';

describe('server clock', () => {
  it('takes the offset from the round trip with the shortest delay', () => {
    const server = Date.parse('2027-01-18T02:00:10.000Z');
    const est = estimateOffset([
      { sentAt: 1_000, receivedAt: 1_400, serverTime: new Date(server).toISOString() },
      { sentAt: 2_000, receivedAt: 2_020, serverTime: new Date(server + 1_000).toISOString() },
      { sentAt: 3_000, receivedAt: 3_900, serverTime: new Date(server + 2_500).toISOString() },
    ]);
    expect(est).toEqual({ roundTripMs: 20, offsetMs: server + 1_000 - 2_010 });
  });

  it('never uses the local clock alone: now() is local time plus the measured offset', () => {
    let local = 5_000;
    const clock = new ServerClock(() => local);
    clock.update([{ sentAt: 4_990, receivedAt: 5_010, serverTime: new Date(65_000).toISOString() }]);
    expect(clock.offsetMs).toBe(60_000);
    local = 6_000;
    expect(clock.now()).toBe(66_000);
  });

  it('ignores unusable samples and keeps the previous estimate', () => {
    const clock = new ServerClock(() => 0);
    clock.update([{ sentAt: 0, receivedAt: 10, serverTime: new Date(1_005).toISOString() }]);
    clock.update([{ sentAt: 10, receivedAt: 5, serverTime: 'not a time' }]);
    expect(clock.offsetMs).toBe(1_000);
  });

  it('a snapshot seeds a first estimate that a round trip then replaces', () => {
    const clock = new ServerClock(() => 1_000);
    clock.seed(new Date(3_000).toISOString());
    expect(clock.offsetMs).toBe(2_000);
    clock.seed(new Date(9_000).toISOString());
    expect(clock.offsetMs).toBe(2_000);
    clock.update([{ sentAt: 990, receivedAt: 1_010, serverTime: new Date(1_500).toISOString() }]);
    expect(clock.offsetMs).toBe(500);
  });
});
