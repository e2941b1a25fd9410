import { ENGINE_EVENT_TYPES } from '@app/bidding/domain/events';
import { AUCTION_EVENT_NAMES } from './auction';

describe('the /auction contract', () => {
  it('names exactly the events the engine emits (a new engine event must be added to the contract)', () => {
    expect([...AUCTION_EVENT_NAMES].sort()).toEqual([...ENGINE_EVENT_TYPES].sort());
  });
});
