import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { crossedMilestone, DEFAULT_MILESTONES, formatClock, remaining, type Remaining } from '@web/lib/countdown';
import type { ServerClock } from '@web/lib/server-clock';

export interface CountdownProps {
  /** ISO instant; null shows nothing. */
  deadline: string | null;
  clock: ServerClock;
  /** The lot's warning marks (seconds), announced besides the defaults. */
  marks?: readonly number[];
  /** Accessible name of the timer, e.g. "距截止". */
  label: string;
  className?: string;
  /** Called once per second with the seconds left (for warning styles). */
  onTick?: (secondsLeft: number) => void;
}

/**
 * A countdown on the server's clock (never the local one). The digits are hidden from screen readers;
 * a polite live region speaks the time left only at milestones (1 h, 10 min, 5 min, 2 min, 1 min,
 * 30 s, 10 s, 5 s, the end, and the lot's own marks) and when the deadline moves.
 */
export function Countdown({ deadline, clock, marks = [], label, className, onTick }: CountdownProps) {
  const { t } = useTranslation();
  const deadlineMs = deadline ? Date.parse(deadline) : null;
  const [now, setNow] = useState(() => clock.now());
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    const tick = () => setNow(clock.now());
    const timer = setInterval(tick, 250);
    const off = clock.subscribe(tick);
    return () => {
      clearInterval(timer);
      off();
    };
  }, [clock]);

  const left: Remaining | null = deadlineMs === null ? null : remaining(deadlineMs, now);
  const seconds = left === null ? null : Math.ceil(left.totalMs / 1000);

  const spoken = (r: Remaining) => {
    if (r.totalMs === 0) return t('countdown.announceEnded');
    const parts = [
      r.days ? t('countdown.days', { count: r.days }) : '',
      r.hours ? t('countdown.hours', { count: r.hours }) : '',
      r.minutes ? t('countdown.minutes', { count: r.minutes }) : '',
      r.seconds ? t('countdown.seconds', { count: r.seconds }) : '',
    ].filter(Boolean);
    return t('countdown.announce', { text: parts.join(t('countdown.joiner')) });
  };

  // The previous whole second, kept in state (React's "information from previous renders" pattern):
  // the announcement changes only when a milestone is crossed or the deadline moves.
  const [previous, setPrevious] = useState<{ seconds: number | null; deadline: number | null }>({ seconds, deadline: deadlineMs });
  if (previous.seconds !== seconds || previous.deadline !== deadlineMs) {
    setPrevious({ seconds, deadline: deadlineMs });
    if (seconds !== null && left !== null) {
      const moved = previous.deadline !== deadlineMs && previous.deadline !== null;
      const milestone = moved ? null : crossedMilestone(previous.seconds, seconds, [...DEFAULT_MILESTONES, ...marks]);
      if (moved || milestone !== null) setAnnouncement(spoken(left));
    }
  }

  useEffect(() => {
    if (seconds !== null) onTick?.(seconds);
  }, [seconds, onTick]);

  if (left === null) return null;
  const text = left.totalMs === 0 ? t('countdown.ended') : formatClock(left, (n) => t('countdown.days', { count: n }));
  return (
    <span className={className} role="timer" aria-label={label}>
      <span aria-hidden="true" className="countdown-digits">
        {text}
      </span>
      <span className="visually-hidden" aria-live="polite" aria-atomic="true">
        {announcement}
      </span>
    </span>
  );
}
