import type { Money } from '@app/money';
import { maskResidentId } from '../domain/resident-id';
import { isValidUscc } from '../domain/uscc';
import type { ApplicationDocumentEntity, ApplicationEntity, ApplicationPartnerEntity, JointInvitationEntity } from '../persistence/application.entity';
import type { BidderEntity } from '../persistence/bidder.entity';
import type { DepositPaymentEntity } from '../persistence/deposit.entities';

export interface DepositSummary {
  required: Money;
  counted: Money;
  late: Money;
  outstanding: Money;
  excess: Money;
  fullyPaidInTime: boolean;
}

const m = (x: Money) => x.toString();

export function depositSummaryView(d: DepositSummary) {
  return { required: m(d.required), counted: m(d.counted), late: m(d.late), outstanding: m(d.outstanding), excess: m(d.excess), fullyPaidInTime: d.fullyPaidInTime };
}

export function paymentView(p: DepositPaymentEntity) {
  return { txnId: p.bankTxnId, amount: p.amount.toString(), arrivedAt: p.arrivedAt, inTime: p.inTime, payerMismatch: p.payerMismatch, payerName: p.payerName, payerAccount: p.payerAccount };
}

/** A credit code in full, a resident ID number masked: how codes show in a bidder's lists. */
export function shownIdentifier(identifier: string): string {
  return isValidUscc(identifier) ? identifier : maskResidentId(identifier);
}

export function documentView(d: ApplicationDocumentEntity) {
  return {
    id: d.id,
    title: d.title,
    fileName: d.fileName,
    contentType: d.contentType,
    sizeBytes: d.sizeBytes,
    sha256: d.sha256,
    uploadedAt: d.uploadedAt,
    url: `/api/applications/${d.applicationId}/documents/${d.id}`,
  };
}

/**
 * The group as its members see it: the lead, then each invited partner in the lead's order, by the
 * code the lead typed, with its answer. A partner's name shows only once it accepted: before that, the
 * lead must not learn who (if anybody) holds the code.
 */
export function groupView(lead: ApplicationPartnerEntity & { bidder: BidderEntity }, invitations: Array<JointInvitationEntity>, names: ReadonlyMap<string, string>) {
  const leadCode = lead.bidder.creditCode ?? lead.bidder.idNumber!;
  return [
    { identifier: shownIdentifier(leadCode), name: lead.bidder.name, share: lead.share.toPercentString(2), isLead: true, status: 'accepted' as const, accepted: true },
    ...invitations.map((i) => ({
      identifier: shownIdentifier(i.identifier),
      name: i.status === 'accepted' && i.bidderId ? (names.get(i.bidderId) ?? null) : null,
      share: i.share.toPercentString(2),
      isLead: false,
      status: i.status,
      accepted: i.status === 'accepted',
    })),
  ];
}

/** Full view for trading staff and supervisors: identities included. */
export function staffApplicationView(
  a: ApplicationEntity,
  partners: Array<ApplicationPartnerEntity & { bidder: BidderEntity }>,
  invitations: JointInvitationEntity[],
  documents: ApplicationDocumentEntity[],
  deposit: DepositSummary,
  payments: DepositPaymentEntity[],
) {
  return {
    id: a.id,
    lotId: a.lotId,
    status: a.status,
    reviewMode: a.reviewMode,
    joint: a.joint,
    members: partners.map((p) => ({ bidderId: p.bidderId, name: p.bidder.name, creditCode: p.bidder.creditCode, idNumber: p.bidder.idNumber, share: p.share.toPercentString(2), isLead: p.isLead, acceptedAt: p.acceptedAt, releasedAt: p.releasedAt })),
    invitations: invitations.map((i) => ({ id: i.id, identifier: i.identifier, share: i.share.toPercentString(2), status: i.status, bidderId: i.bidderId, createdAt: i.createdAt, answeredAt: i.answeredAt })),
    documents: documents.map(documentView),
    submittedAt: a.submittedAt,
    reviewDueAt: a.reviewDueAt,
    reviewedAt: a.reviewedAt,
    reviewReason: a.reviewReason,
    subAccount: a.subAccount,
    depositDeadline: a.depositDeadline,
    deposit: depositSummaryView(deposit),
    payments: payments.map(paymentView),
    bidderNumber: a.bidderNumber,
    qualifiedAt: a.qualifiedAt,
  };
}
