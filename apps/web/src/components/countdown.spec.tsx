import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ServerClock } from '@web/lib/server-clock';
import { Countdown } from './countdown';

describe('Countdown', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts down on the server clock, not the local one', () => {
    let local = 1_000_000;
    const clock = new ServerClock(() => local);
    // The server is 30 minutes ahead of this device.
    clock.update([{ sentAt: local, receivedAt: local, serverTime: new Date(local + 1_800_000).toISOString() }]);
    render(<Countdown deadline={new Date(local + 1_800_000 + 65_000).toISOString()} clock={clock} label="距截止" />);
    expect(screen.getByRole('timer', { name: '距截止' }).textContent).toContain('01:05');
    local += 2_000;
    act(() => void vi.advanceTimersByTime(2_000));
    expect(screen.getByRole('timer').textContent).toContain('01:03');
  });

  it('announces politely at milestones, not every second', () => {
    let local = 0;
    const clock = new ServerClock(() => local);
    clock.update([{ sentAt: 0, receivedAt: 0, serverTime: new Date(0).toISOString() }]);
    render(<Countdown deadline={new Date(35_000).toISOString()} clock={clock} label="距截止" marks={[20]} />);
    const live = document.querySelector('[aria-live="polite"]')!;
    const heard: string[] = [];
    for (let s = 0; s < 36; s++) {
      local += 1_000;
      act(() => void vi.advanceTimersByTime(1_000));
      if (live.textContent && live.textContent !== heard[heard.length - 1]) heard.push(live.textContent);
    }
    expect(heard).toEqual(['距截止还有30秒', '距截止还有20秒', '距截止还有10秒', '距截止还有5秒', '倒计时已结束']);
    expect(screen.getByRole('timer').textContent).toContain('已截止');
  });

  it('announces when the deadline moves (an extension or a new bid)', () => {
    const clock = new ServerClock(() => 0);
    clock.update([{ sentAt: 0, receivedAt: 0, serverTime: new Date(0).toISOString() }]);
    const { rerender } = render(<Countdown deadline={new Date(50_000).toISOString()} clock={clock} label="距截止" />);
    rerender(<Countdown deadline={new Date(110_000).toISOString()} clock={clock} label="距截止" />);
    expect(document.querySelector('[aria-live="polite"]')!.textContent).toBe('距截止还有1分50秒');
  });
});
