import type { DeliveryChannelName } from '../domain/notification-kinds';

export const NOTIFICATION_OPTIONS = Symbol('NOTIFICATION_OPTIONS');

export interface NotificationOptions {
  /** Outbound channels switched on; empty = none (messages are recorded in the outbox as not sent). */
  channels: ReadonlyArray<Exclude<DeliveryChannelName, 'none'>>;
  /** The email gateway (HTTP JSON) when `email` is on. */
  emailGatewayUrl?: string;
  /** The SMS gateway (HTTP JSON) when `sms` is on. */
  smsGatewayUrl?: string;
  /** Sent as `Authorization: Bearer …` to the gateways. */
  gatewayToken?: string;
  /** How often each instance delivers from the outbox (ms); 0 = off. */
  dispatchIntervalMs: number;
  /** Attempts before a delivery is given up as failed. */
  maxAttempts: number;
  /** Wait after the first failure (seconds); doubled after each further one. */
  retryBaseSeconds: number;
}
