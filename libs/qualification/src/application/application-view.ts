import type { Money } from '@app/money';
import type { ApplicationEntity, ApplicationPartnerEntity } from '../persistence/application.entity';
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

/** Full view for trading staff and supervisors: identities included. */
export function staffApplicationView(a: ApplicationEntity, partners: Array<ApplicationPartnerEntity & { bidder: BidderEntity }>, deposit: DepositSummary, payments: DepositPaymentEntity[]) {
  return {
    id: a.id,
    lotId: a.lotId,
    status: a.status,
    reviewMode: a.reviewMode,
    joint: a.joint,
    members: partners.map((p) => ({ bidderId: p.bidderId, name: p.bidder.name, creditCode: p.bidder.creditCode, idNumber: p.bidder.idNumber, share: p.share.toPercentString(2), isLead: p.isLead, acceptedAt: p.acceptedAt })),
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
