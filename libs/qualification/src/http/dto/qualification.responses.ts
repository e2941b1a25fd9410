import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INVITATION_STATUSES } from '../../domain/joint-invitation';
import { APPLICATION_STATES, REVIEW_MODES } from '../../domain/review';

/**
 * What the qualification routes answer (OpenAPI documentation classes, read by apps/web through the
 * generated schema.d.ts). Each mirrors the view function named in its comment; amounts are decimal
 * strings, instants ISO 8601 strings.
 */

const MONEY = { type: String, example: '2000000.00' } as const;
const SHARE = { type: String, example: '60.00', description: 'percent, 2 decimal places' } as const;
const INSTANT = { type: String, format: 'date-time' } as const;
const NULLABLE_INSTANT = { type: String, format: 'date-time', nullable: true } as const;

/** bidder.service staffBidderView / ownBidderView (the own view masks a resident ID number). */
export class BidderResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['company', 'person', 'organization'] }) kind: 'company' | 'person' | 'organization';
  @ApiProperty({ example: '寿光市宏远置业有限公司' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: '91370783MA3C5X2Q14' }) creditCode: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'in full for staff; masked (370783********123X) in the bidder’s own view' }) idNumber: string | null;
  @ApiProperty() legalRepresentative: string;
  @ApiProperty() contactName: string;
  @ApiProperty() contactPhone: string;
  @ApiProperty({ type: String, nullable: true }) contactEmail: string | null;
  @ApiProperty() address: string;
  @ApiProperty(INSTANT) createdAt: string;
}

export class BlacklistEntryResponse {
  @ApiProperty() reason: string;
  @ApiProperty(INSTANT) startsAt: string;
  @ApiProperty(INSTANT) endsAt: string;
}

/** bidder.service get: the staff view with the bidder's bans. */
export class BidderDetailResponse extends BidderResponse {
  @ApiProperty({ type: [BlacklistEntryResponse] }) blacklist: BlacklistEntryResponse[];
}

export class BidderPageResponse {
  @ApiProperty({ type: [BidderResponse] }) items: BidderResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

/** application-view depositSummaryView */
export class DepositSummaryResponse {
  @ApiProperty(MONEY) required: string;
  @ApiProperty({ ...MONEY, description: 'arrived in time and counted' }) counted: string;
  @ApiProperty({ ...MONEY, description: 'arrived after the deadline: not counted, refunded' }) late: string;
  @ApiProperty({ ...MONEY, description: 'still to pay before the deadline' }) outstanding: string;
  @ApiProperty({ ...MONEY, description: 'paid beyond the required amount' }) excess: string;
  @ApiProperty() fullyPaidInTime: boolean;
}

/** application-view paymentView */
export class DepositPaymentResponse {
  @ApiProperty({ example: 'TX20261116001' }) txnId: string;
  @ApiProperty(MONEY) amount: string;
  @ApiProperty(INSTANT) arrivedAt: string;
  @ApiProperty() inTime: boolean;
  @ApiProperty({ description: 'the payer is none of the application’s members' }) payerMismatch: boolean;
  @ApiProperty() payerName: string;
  @ApiProperty() payerAccount: string;
}

/** application-view documentView */
export class DocumentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '营业执照' }) title: string;
  @ApiProperty({ example: 'license.pdf' }) fileName: string;
  @ApiProperty({ example: 'application/pdf', description: 'judged from the content' }) contentType: string;
  @ApiProperty({ example: 182044 }) sizeBytes: number;
  @ApiProperty() sha256: string;
  @ApiProperty(INSTANT) uploadedAt: string;
  @ApiProperty({ example: '/api/applications/…/documents/…', description: 'download link (members and reviewers)' }) url: string;
}

/** application-view groupView: the lead first, then each invited partner by the code the lead typed. */
export class GroupMemberResponse {
  @ApiProperty({ description: 'credit code in full, resident ID number masked' }) identifier: string;
  @ApiProperty({ type: String, nullable: true, description: 'only once the partner accepted' }) name: string | null;
  @ApiProperty(SHARE) share: string;
  @ApiProperty() isLead: boolean;
  @ApiProperty({ enum: INVITATION_STATUSES }) status: (typeof INVITATION_STATUSES)[number];
  @ApiProperty() accepted: boolean;
}

/** ApplicationService.ownView's deposit: the summary, how to pay, the payments so far. */
export class OwnDepositResponse extends DepositSummaryResponse {
  @ApiProperty({ type: String, nullable: true, description: 'payment instructions in Chinese, once the sub-account is issued' }) instructions: string | null;
  @ApiProperty({ type: String, nullable: true, example: '955880123456789015', description: 'the application’s virtual sub-account (子账户)' }) subAccount: string | null;
  @ApiProperty(INSTANT) deadline: string;
  @ApiProperty({ type: [DepositPaymentResponse] }) payments: DepositPaymentResponse[];
}

/** ApplicationService.ownView: an application as its members see it. */
export class OwnApplicationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) lotId: string;
  @ApiProperty() lotNumber: string;
  @ApiProperty() lotTitle: string;
  @ApiProperty({ enum: APPLICATION_STATES }) status: (typeof APPLICATION_STATES)[number];
  @ApiProperty({ enum: REVIEW_MODES }) reviewMode: (typeof REVIEW_MODES)[number];
  @ApiProperty() joint: boolean;
  @ApiProperty({ description: 'the caller leads the group (or applied alone)' }) isLead: boolean;
  @ApiProperty({ type: [GroupMemberResponse] }) members: GroupMemberResponse[];
  @ApiProperty({ type: [DocumentResponse] }) documents: DocumentResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'why it was rejected' }) reviewReason: string | null;
  @ApiProperty({ type: () => OwnDepositResponse }) deposit: OwnDepositResponse;
  @ApiProperty({ type: String, nullable: true, example: '10307', description: '号牌, once qualified' }) bidderNumber: string | null;
  @ApiProperty(NULLABLE_INSTANT) qualifiedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) confirmationUrl: string | null;
}

export class StaffMemberResponse {
  @ApiProperty({ format: 'uuid' }) bidderId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) creditCode: string | null;
  @ApiProperty({ type: String, nullable: true }) idNumber: string | null;
  @ApiProperty(SHARE) share: string;
  @ApiProperty() isLead: boolean;
  @ApiProperty(NULLABLE_INSTANT) acceptedAt: string | null;
  @ApiProperty(NULLABLE_INSTANT) releasedAt: string | null;
}

export class StaffInvitationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() identifier: string;
  @ApiProperty(SHARE) share: string;
  @ApiProperty({ enum: INVITATION_STATUSES }) status: (typeof INVITATION_STATUSES)[number];
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) bidderId: string | null;
  @ApiProperty(INSTANT) createdAt: string;
  @ApiProperty(NULLABLE_INSTANT) answeredAt: string | null;
}

/** application-view staffApplicationView: with identities, for trading staff and supervisors. */
export class StaffApplicationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) lotId: string;
  @ApiProperty({ enum: APPLICATION_STATES }) status: (typeof APPLICATION_STATES)[number];
  @ApiProperty({ enum: REVIEW_MODES }) reviewMode: (typeof REVIEW_MODES)[number];
  @ApiProperty() joint: boolean;
  @ApiProperty({ type: [StaffMemberResponse] }) members: StaffMemberResponse[];
  @ApiProperty({ type: [StaffInvitationResponse] }) invitations: StaffInvitationResponse[];
  @ApiProperty({ type: [DocumentResponse] }) documents: DocumentResponse[];
  @ApiProperty(NULLABLE_INSTANT) submittedAt: string | null;
  @ApiProperty(NULLABLE_INSTANT) reviewDueAt: string | null;
  @ApiProperty(NULLABLE_INSTANT) reviewedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewReason: string | null;
  @ApiProperty({ type: String, nullable: true }) subAccount: string | null;
  @ApiProperty(INSTANT) depositDeadline: string;
  @ApiProperty({ type: () => DepositSummaryResponse }) deposit: DepositSummaryResponse;
  @ApiProperty({ type: [DepositPaymentResponse] }) payments: DepositPaymentResponse[];
  @ApiProperty({ type: String, nullable: true }) bidderNumber: string | null;
  @ApiProperty(NULLABLE_INSTANT) qualifiedAt: string | null;
}

/** ApplicationService.overdueReviews */
export class OverdueReviewResponse extends StaffApplicationResponse {
  @ApiProperty({ ...INSTANT, description: 'the review was due then' }) overdueSince: string;
}

/** A ledger payment: payer name and account only for trading staff and supervisors. */
export class LedgerPaymentResponse {
  @ApiProperty() txnId: string;
  @ApiProperty(MONEY) amount: string;
  @ApiProperty(INSTANT) arrivedAt: string;
  @ApiProperty() inTime: boolean;
  @ApiProperty() payerMismatch: boolean;
  @ApiPropertyOptional() payerName?: string;
  @ApiPropertyOptional() payerAccount?: string;
}

export class LedgerRowResponse extends DepositSummaryResponse {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ type: String, nullable: true }) bidderNumber: string | null;
  @ApiProperty({ enum: APPLICATION_STATES }) status: (typeof APPLICATION_STATES)[number];
  @ApiProperty() subAccount: string;
  @ApiProperty(INSTANT) deadline: string;
  @ApiProperty({ type: [LedgerPaymentResponse] }) payments: LedgerPaymentResponse[];
}

export class LedgerTotalsResponse {
  @ApiProperty(MONEY) counted: string;
  @ApiProperty(MONEY) late: string;
  @ApiProperty(MONEY) excess: string;
  @ApiProperty(MONEY) outstanding: string;
}

/** ApplicationService.depositLedger */
export class DepositLedgerResponse {
  @ApiProperty({ format: 'uuid' }) lotId: string;
  @ApiProperty() lotNumber: string;
  @ApiProperty(INSTANT) deadline: string;
  @ApiProperty({ type: [LedgerRowResponse] }) rows: LedgerRowResponse[];
  @ApiProperty({ type: () => LedgerTotalsResponse }) totals: LedgerTotalsResponse;
}

/** InvitationService inviteeView: what an invited partner needs to decide. */
export class InvitationResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ enum: APPLICATION_STATES }) applicationStatus: (typeof APPLICATION_STATES)[number];
  @ApiProperty({ format: 'uuid' }) lotId: string;
  @ApiProperty() lotNumber: string;
  @ApiProperty() lotTitle: string;
  @ApiProperty({ description: 'the lead’s name' }) lead: string;
  @ApiProperty(SHARE) share: string;
  @ApiProperty({ description: 'members of the group, the lead included' }) partners: number;
  @ApiProperty({ enum: INVITATION_STATUSES }) status: (typeof INVITATION_STATUSES)[number];
  @ApiProperty(INSTANT) invitedAt: string;
  @ApiProperty(NULLABLE_INSTANT) answeredAt: string | null;
  @ApiProperty() acceptUrl: string;
  @ApiProperty() declineUrl: string;
}

/** ApplicationService.confirmation: 竞买资格确认书. */
export class ConfirmationResponse {
  @ApiProperty({ example: '竞买资格确认书' }) title: string;
  @ApiProperty() lotNumber: string;
  @ApiProperty() lotTitle: string;
  @ApiProperty({ description: 'the applicant’s name, or the members with their shares' }) applicant: string;
  @ApiProperty() joint: boolean;
  @ApiProperty({ example: '10307' }) bidderNumber: string;
  @ApiProperty() confirmationCode: string;
  @ApiProperty(INSTANT) qualifiedAt: string;
  @ApiProperty({ description: 'the certificate’s text in Chinese' }) text: string;
}

/** DepositService BankNoticeResult */
export class BankNoticeResultResponse {
  @ApiProperty({ enum: ['accepted', 'duplicate', 'unmatched'] }) status: 'accepted' | 'duplicate' | 'unmatched';
  @ApiProperty() txnId: string;
  @ApiPropertyOptional({ description: 'the payment completed the deposit and qualified the application' }) qualified?: boolean;
}

export class NoticeSnapshotResponse {
  @ApiProperty() txnId: string;
  @ApiProperty() subAccount: string;
  @ApiProperty(MONEY) amount: string;
  @ApiProperty() payerName: string;
  @ApiProperty() payerAccount: string;
  @ApiProperty(INSTANT) arrivedAt: string;
}

export class NoticeConflictResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() txnId: string;
  @ApiProperty({ type: [String] }) differences: string[];
  @ApiProperty({ type: () => NoticeSnapshotResponse }) applied: NoticeSnapshotResponse;
  @ApiProperty({ type: () => NoticeSnapshotResponse }) received: NoticeSnapshotResponse;
  @ApiProperty() rawBodySha256: string;
  @ApiProperty({ type: String, nullable: true }) remoteIp: string | null;
  @ApiProperty(INSTANT) firstReceivedAt: string;
  @ApiProperty(INSTANT) lastReceivedAt: string;
  @ApiProperty() timesReceived: number;
}

export class NoticeConflictPageResponse {
  @ApiProperty({ type: [NoticeConflictResponse] }) items: NoticeConflictResponse[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}
