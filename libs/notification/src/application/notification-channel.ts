import { Logger } from '@nestjs/common';
import type { DeliveryChannelName } from '../domain/notification-kinds';

/** One message on its way out of the platform. */
export interface OutboundMessage {
  readonly notificationId: string;
  readonly kind: string;
  /** The address on record for the channel (email, mobile number); null when there is none. */
  readonly to: string | null;
  readonly subject: string;
  readonly body: string;
}

/** Delivered, or deliberately not sent (and why). A thrown error means "try again later". */
export type DeliveryOutcome = { readonly status: 'sent'; readonly detail?: string } | { readonly status: 'not_sent'; readonly detail: string };

/**
 * The outbound port. Deployments plug a real gateway behind it; the platform only ever calls
 * `deliver`, from the outbox dispatcher, after the business transaction has committed.
 */
export interface NotificationChannel {
  readonly name: DeliveryChannelName;
  deliver(message: OutboundMessage): Promise<DeliveryOutcome>;
}

/** The default: nothing is sent; the outbox records so, and the log says it once per message. */
export class UnconfiguredChannel implements NotificationChannel {
  readonly name = 'none' as const;
  private readonly logger = new Logger('Notifications');

  deliver(message: OutboundMessage): Promise<DeliveryOutcome> {
    this.logger.log({ notificationId: message.notificationId, kind: message.kind }, 'notification kept in the inbox only: no outbound channel configured');
    return Promise.resolve({ status: 'not_sent', detail: 'not sent: no channel configured' });
  }
}

/**
 * A gateway reached over HTTP with a JSON body (most email relays and Chinese SMS platforms offer
 * one, or sit behind a small adapter service). A non-2xx answer or a network error is retried.
 */
abstract class HttpGatewayChannel implements NotificationChannel {
  abstract readonly name: 'email' | 'sms';
  protected abstract readonly missingAddress: string;

  constructor(
    private readonly url: string,
    private readonly token?: string,
    private readonly timeoutMs = 10_000,
  ) {}

  protected abstract payload(message: OutboundMessage & { to: string }): Record<string, unknown>;

  async deliver(message: OutboundMessage): Promise<DeliveryOutcome> {
    if (!message.to) return { status: 'not_sent', detail: this.missingAddress };
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify(this.payload({ ...message, to: message.to })),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = (await res.text()).slice(0, 500);
    if (!res.ok) throw new Error(`${this.name} gateway answered ${res.status}: ${text}`);
    return { status: 'sent', detail: text || undefined };
  }
}

export class EmailGatewayChannel extends HttpGatewayChannel {
  readonly name = 'email' as const;
  protected readonly missingAddress = 'not sent: no email address on record';

  protected payload(m: OutboundMessage & { to: string }) {
    return { to: m.to, subject: m.subject, text: m.body, reference: m.notificationId };
  }
}

/** SMS texts are short: the subject, then as much of the body as fits. */
export const SMS_MAX_CHARS = 300;

export class SmsGatewayChannel extends HttpGatewayChannel {
  readonly name = 'sms' as const;
  protected readonly missingAddress = 'not sent: no mobile number on record';

  protected payload(m: OutboundMessage & { to: string }) {
    const text = `【土地交易】${m.subject}。${m.body}`;
    return { to: m.to, text: text.length > SMS_MAX_CHARS ? `${text.slice(0, SMS_MAX_CHARS - 1)}…` : text, reference: m.notificationId };
  }
}
