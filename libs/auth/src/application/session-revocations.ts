import { Injectable, Logger } from '@nestjs/common';

/** Sessions that just ended: every session of a user (disabled, password changed, refresh token reused) or one session (logout). */
export type Revocation = { readonly kind: 'user'; readonly userId: string } | { readonly kind: 'session'; readonly sessionId: string };

export type RevocationListener = (revocation: Revocation) => void | Promise<void>;

/**
 * Tells whoever holds live connections (the auction gateway) that sessions ended, after the
 * transaction that ended them committed, so it can close their sockets on every instance. The
 * database stays the authority: a socket that is missed still cannot act, because every bid checks
 * its account and session in its own transaction.
 */
@Injectable()
export class SessionRevocations {
  private readonly logger = new Logger(SessionRevocations.name);
  private readonly listeners = new Set<RevocationListener>();

  subscribe(listener: RevocationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Call only after the revoking transaction committed. Never throws: the revocation itself is already stored. */
  async publish(revocation: Revocation): Promise<void> {
    for (const listener of this.listeners) {
      try {
        await listener(revocation);
      } catch (err) {
        this.logger.error({ err, revocation }, 'could not close the connections of a revoked session');
      }
    }
  }
}
