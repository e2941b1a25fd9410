import { describe, expect, it } from 'vitest';
import { ENTRY_WINDOW_MS, myLotAction } from './my-lot-entry';

const NOW = Date.parse('2026-12-07T02:00:00.000Z');
const qualified = { status: 'qualified' as const, bidderNumber: '10307', isLead: true };
const at = (ms: number) => new Date(NOW + ms).toISOString();

describe('myLotAction', () => {
  it('offers the room to a qualified bidder while its lot trades, is paused or is opened', () => {
    for (const phase of ['listing', 'timed_round', 'auction_round', 'cap_round', 'sealed_bidding', 'opening', 'frozen'] as const) {
      expect(myLotAction(qualified, { phase, opensAt: null }, NOW)).toBe('enter');
    }
  });

  it('offers the room from 30 minutes before the opening, not earlier', () => {
    expect(myLotAction(qualified, { phase: 'applying', opensAt: at(ENTRY_WINDOW_MS) }, NOW)).toBe('enter');
    expect(myLotAction(qualified, { phase: 'published', opensAt: at(ENTRY_WINDOW_MS + 1000) }, NOW)).toBe('application');
  });

  it('sends every other state to the application: not qualified, no number yet, closed lots, an unknown lot', () => {
    expect(myLotAction({ ...qualified, status: 'awaiting_deposit', bidderNumber: null }, { phase: 'listing', opensAt: null }, NOW)).toBe('application');
    expect(myLotAction({ ...qualified, bidderNumber: null }, { phase: 'listing', opensAt: null }, NOW)).toBe('application');
    for (const phase of ['closed_sold', 'closed_unsold', 'terminated', 'suspended'] as const) {
      expect(myLotAction(qualified, { phase, opensAt: null }, NOW)).toBe('application');
    }
    expect(myLotAction(qualified, undefined, NOW)).toBe('application');
  });

  it('lets a joint group member who does not lead watch the live view: only the lead bids', () => {
    expect(myLotAction({ ...qualified, isLead: false }, { phase: 'timed_round', opensAt: null }, NOW)).toBe('watch');
  });
});
