import { describe, expect, it, vi } from 'vitest';

/** A stand-in for socket.io's client: records handlers and connect() calls. */
const fake = vi.hoisted(() => {
  const handlers = new Map<string, (arg: unknown) => void>();
  const socket = {
    connect: vi.fn(),
    on: (event: string, handler: (arg: unknown) => void) => handlers.set(event, handler),
  };
  return { handlers, socket };
});
vi.mock('socket.io-client', () => ({ io: () => fake.socket }));

const { AuctionSocket } = await import('./auction-socket');

const refused = (code: string) => Object.assign(new Error('UNAUTHORIZED'), { data: { code, message: code } });

describe('the auction socket', () => {
  it('renews an expired session when the handshake is refused with TOKEN_EXPIRED, then connects again', async () => {
    const refresh = vi.fn().mockResolvedValue(true);
    new AuctionSocket({ token: () => 'old', refresh });
    fake.handlers.get('connect_error')!(refused('TOKEN_EXPIRED'));
    await vi.waitFor(() => expect(fake.socket.connect).toHaveBeenCalledTimes(1));
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('does not retry another refusal, nor when the session could not be renewed', async () => {
    fake.socket.connect.mockClear();
    const refresh = vi.fn().mockResolvedValue(false);
    new AuctionSocket({ token: () => 'old', refresh });
    fake.handlers.get('connect_error')!(refused('ACCOUNT_DISABLED'));
    expect(refresh).not.toHaveBeenCalled();
    fake.handlers.get('connect_error')!(refused('TOKEN_EXPIRED'));
    await vi.waitFor(() => expect(refresh).toHaveBeenCalledTimes(1));
    expect(fake.socket.connect).not.toHaveBeenCalled();
  });
});
