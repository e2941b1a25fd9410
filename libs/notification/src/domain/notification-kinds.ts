/**
 * What a notification is about. The kind is stored with each message, so an inbox can be filtered
 * and a client can pick an icon; the text itself is always complete (subject and body in Chinese).
 */
export const NOTIFICATION_KINDS = [
  'announcement.amendment',
  'announcement.suspension',
  'announcement.resumption',
  'announcement.termination',
  'committee.appointed',
  'application.approved',
  'application.rejected',
  'application.returned',
  'application.qualified',
  'invitation.received',
  'invitation.accepted',
  'invitation.declined',
  'application.withdrawn',
  'bank_notice.conflict',
  'lot.won',
  'lot.not_won',
  'lot.unsold',
  'confirmation.issued',
  'refund.paid',
  'installment.due_soon',
  'installment.overdue',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** The outbound channels a deployment can switch on; `none` only records that nothing was sent. */
export const DELIVERY_CHANNELS = ['none', 'email', 'sms'] as const;
export type DeliveryChannelName = (typeof DELIVERY_CHANNELS)[number];

export const DELIVERY_STATUSES = ['pending', 'sent', 'not_sent', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];
