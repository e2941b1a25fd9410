import { describe, expect, it } from 'vitest';
import { crossedMilestone, formatClock, remaining } from './countdown';

describe('countdown', () => {
  it('rounds up to the whole second so the last second still shows 00:01', () => {
    expect(formatClock(remaining(10_500, 10_000), String)).toBe('00:01');
    expect(formatClock(remaining(10_000, 10_000), String)).toBe('00:00');
    expect(formatClock(remaining(90_061_000, 0), (n) => `${n}天`)).toBe('1天 01:01:01');
  });

  it('is announced at milestones, never every second', () => {
    const marks = [60, 30, 10];
    const spoken = [];
    let prev: number | null = null;
    for (let s = 75; s >= 0; s--) {
      const m = crossedMilestone(prev, s, marks);
      if (m !== null) spoken.push(s);
      prev = s;
    }
    expect(spoken).toEqual([60, 30, 10]);
  });

  it('a tab that slept over several milestones speaks once, for the nearest', () => {
    expect(crossedMilestone(70, 25, [60, 30, 10])).toBe(30);
    expect(crossedMilestone(25, 40, [30])).toBeNull();
  });
});
