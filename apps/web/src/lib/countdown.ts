/** Pure countdown arithmetic: the components call these with the server clock's `now()`. */
export interface Remaining {
  totalMs: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export function remaining(deadlineMs: number, nowMs: number): Remaining {
  const totalMs = Math.max(0, deadlineMs - nowMs);
  // Rounded up: "1 second left" until the deadline itself, never "0" while bids are still accepted.
  const s = Math.ceil(totalMs / 1000);
  return { totalMs, days: Math.floor(s / 86_400), hours: Math.floor((s % 86_400) / 3600), minutes: Math.floor((s % 3600) / 60), seconds: s % 60 };
}

/** "01:02:03", "2天 01:02:03", "00:59". */
export function formatClock(r: Remaining, dayWord: (n: number) => string): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const hms = r.days > 0 || r.hours > 0 ? `${pad(r.hours)}:${pad(r.minutes)}:${pad(r.seconds)}` : `${pad(r.minutes)}:${pad(r.seconds)}`;
  return r.days > 0 ? `${dayWord(r.days)} ${hms}` : hms;
}

/** Seconds before the deadline at which a screen reader hears the time left, besides the lot's own marks. */
export const DEFAULT_MILESTONES = [3600, 600, 300, 120, 60, 30, 10, 5, 0];

/**
 * The milestone crossed between two readings of the seconds left (the nearest to now when several
 * were crossed at once, e.g. after the tab slept), or null. A countdown is announced at these moments, never every second.
 */
export function crossedMilestone(previousSeconds: number | null, currentSeconds: number, milestones: readonly number[]): number | null {
  if (previousSeconds === null || currentSeconds >= previousSeconds) return null;
  const crossed = milestones.filter((m) => previousSeconds > m && currentSeconds <= m);
  return crossed.length ? Math.min(...crossed) : null;
}
