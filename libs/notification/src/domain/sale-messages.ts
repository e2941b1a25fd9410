import { Money, Ratio } from '@app/money';

/**
 * The texts of the notices sent to bidders after they apply: review, qualification, the close, the
 * transaction confirmation, refunds and installments. Chinese first (the platform's language), each
 * naming the announcement and lot numbers so a bidder with several applications knows which one.
 * Pure functions: the facts come in, the subject and body come out.
 */
export interface Message {
  readonly subject: string;
  readonly body: string;
}

export interface LotRef {
  readonly announcementNumber: string;
  readonly lotNumber: string;
  readonly lotTitle: string;
}

export interface RefundLine {
  readonly amount: Money;
  readonly dueAt: Date;
}

const SHANGHAI_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** `2027年1月6日 09:00` in Beijing time (China keeps UTC+8 all year). */
export function formatInstant(instant: Date): string {
  const d = new Date(instant.getTime() + SHANGHAI_MS);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** `2027年1月6日` from `2027-01-06`. */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map((p) => Number.parseInt(p, 10));
  return `${y}年${m}月${d}日`;
}

const lotName = (ref: LotRef) => `${ref.announcementNumber}标的${ref.lotNumber}（${ref.lotTitle}）`;

function refundText(refunds: readonly RefundLine[]): string {
  if (refunds.length === 0) return '';
  const total = Money.sum(refunds.map((r) => r.amount));
  const due = new Date(Math.max(...refunds.map((r) => r.dueAt.getTime())));
  return `您交纳的保证金${total.toString()}元将于${formatInstant(due)}前无息退还至原付款账户。`;
}

/** A pre-review decision: approved (deposit account issued), rejected, or returned for more documents. */
export function applicationReviewedMessage(
  ref: LotRef,
  decision: string,
  reason: string,
  deposit: { amount: Money; deadline: Date; subAccount: string | null },
): Message & { kind: 'application.approved' | 'application.rejected' | 'application.returned' } {
  if (decision === 'approve') {
    const account = deposit.subAccount ? `汇入专用虚拟子账号${deposit.subAccount}` : '按申请页面所示账户交纳';
    return {
      kind: 'application.approved',
      subject: `资格审查通过：标的${ref.lotNumber}`,
      body: `您对${lotName(ref)}的竞买申请已通过资格审查。请于${formatInstant(deposit.deadline)}前以竞买人名义将竞买保证金${deposit.amount.toString()}元${account}，以银行到账时间为准。`,
    };
  }
  if (decision === 'reject') {
    return { kind: 'application.rejected', subject: `资格审查未通过：标的${ref.lotNumber}`, body: `您对${lotName(ref)}的竞买申请未通过资格审查。原因：${reason}` };
  }
  return {
    kind: 'application.returned',
    subject: `请补正申请材料：标的${ref.lotNumber}`,
    body: `您对${lotName(ref)}的竞买申请需补正材料：${reason}。请登录平台补充后重新提交。`,
  };
}

/** The full deposit arrived in time: qualified, with the bidder number (号牌). */
export function qualifiedMessage(ref: LotRef, x: { bidderNumber: string; applicationId: string }): Message {
  return {
    subject: `竞买资格确认：标的${ref.lotNumber}，号牌${x.bidderNumber}`,
    body:
      `您交纳的竞买保证金已全额到账，已取得${lotName(ref)}的竞买资格，竞买号牌为${x.bidderNumber}。` +
      `竞买过程中仅以号牌标识竞买人，请妥善保管。竞买资格确认书：/api/applications/${x.applicationId}/confirmation`,
  };
}

export function wonMessage(ref: LotRef, x: { bidderNumber: string | null; price: Money; earnest: Money; contractDeadline: Date | null; refunds: readonly RefundLine[] }): Message {
  return {
    subject: `竞得通知：标的${ref.lotNumber}`,
    body:
      `恭喜，您${x.bidderNumber ? `（号牌${x.bidderNumber}）` : ''}竞得${lotName(ref)}，成交价${x.price.toString()}元。` +
      (x.earnest.isPositive() ? `您交纳的保证金${x.earnest.toString()}元转为定金，抵作土地出让价款。` : '') +
      (x.contractDeadline ? `请于${formatInstant(x.contractDeadline)}前签订国有建设用地使用权出让合同，逾期保证金不予退还。` : '') +
      refundText(x.refunds),
  };
}

export function notWonMessage(ref: LotRef, x: { bidderNumber: string | null; outcome: 'sold' | 'unsold'; closedAt: Date; refunds: readonly RefundLine[] }): Message & { kind: 'lot.not_won' | 'lot.unsold' } {
  const number = x.bidderNumber ? `（号牌${x.bidderNumber}）` : '';
  return x.outcome === 'unsold'
    ? { kind: 'lot.unsold', subject: `流拍通知：标的${ref.lotNumber}`, body: `${lotName(ref)}已于${formatInstant(x.closedAt)}结束，未能成交（流拍）。${refundText(x.refunds)}` }
    : { kind: 'lot.not_won', subject: `竞买结果通知：标的${ref.lotNumber}`, body: `${lotName(ref)}已于${formatInstant(x.closedAt)}成交，您${number}未竞得。${refundText(x.refunds)}` };
}

export function confirmationIssuedMessage(ref: LotRef, x: { verificationCode: string; signDeadline: Date; lotId: string }): Message {
  return {
    subject: `成交确认书待签署：标的${ref.lotNumber}`,
    body: `${lotName(ref)}的成交确认书已生成（验证码${x.verificationCode}）。请于${formatInstant(x.signDeadline)}前登录平台查阅并在线签署：/api/lots/${x.lotId}/confirmation`,
  };
}

export function refundPaidMessage(ref: LotRef, x: { amount: Money; paidOn: string; bankReference: string }): Message {
  return {
    subject: `保证金已退还：标的${ref.lotNumber}`,
    body: `您为${lotName(ref)}交纳的保证金${x.amount.toString()}元已于${formatDate(x.paidOn)}退还至原付款账户（银行流水号${x.bankReference}），请注意查收。`,
  };
}

export interface InstallmentFacts {
  readonly contractNumber: string;
  readonly number: number;
  readonly dueDate: string;
  readonly unpaid: Money;
  readonly dailyPenaltyRate: Ratio;
}

export function installmentDueSoonMessage(ref: LotRef, x: InstallmentFacts): Message {
  return {
    subject: `出让价款缴纳提醒：合同${x.contractNumber}第${x.number}期`,
    body:
      `${lotName(ref)}出让合同${x.contractNumber}第${x.number}期土地出让价款将于${formatDate(x.dueDate)}到期，尚需缴纳${x.unpaid.toString()}元。` +
      `请按期缴纳，逾期按日加收未缴部分${x.dailyPenaltyRate.formatPercent(2)}的滞纳金。`,
  };
}

export function installmentOverdueMessage(ref: LotRef, x: InstallmentFacts & { longDefaultDays: number }): Message {
  return {
    subject: `出让价款逾期通知：合同${x.contractNumber}第${x.number}期`,
    body:
      `${lotName(ref)}出让合同${x.contractNumber}第${x.number}期土地出让价款已于${formatDate(x.dueDate)}到期，尚欠${x.unpaid.toString()}元，` +
      `自次日起按日加收${x.dailyPenaltyRate.formatPercent(2)}的滞纳金。逾期超过${x.longDefaultDays}日的，出让人有权解除合同，定金不予退还。请尽快缴纳。`,
  };
}

/**
 * What is still unpaid of each installment, payments settling the earliest installments first (the
 * rule the contract and the ledger use).
 */
export function unpaidByInstallment<T extends { readonly number: number; readonly payable: Money }>(installments: readonly T[], paidTotal: Money): Array<T & { unpaid: Money }> {
  let left = paidTotal;
  return [...installments]
    .sort((a, b) => a.number - b.number)
    .map((i) => {
      const covered = left.gt(i.payable) ? i.payable : left.isPositive() ? left : Money.zero();
      left = left.subtract(covered);
      return { ...i, unpaid: i.payable.subtract(covered) };
    });
}

/** An invitation to a joint bid (联合竞买), to the holder of the code the lead typed. */
export function invitationReceivedMessage(ref: LotRef, x: { leadName: string; share: Ratio; groupSize: number; applicationEnd: Date }): Message {
  return {
    subject: `联合竞买邀请：标的${ref.lotNumber}`,
    body:
      `${x.leadName}邀请您作为联合竞买人（共${x.groupSize}方，您的份额${x.share.formatPercent(2)}）参加${lotName(ref)}的竞买。` +
      `请于${formatInstant(x.applicationEnd)}前登录平台，在“联合竞买邀请”中接受或拒绝。接受前，您的名称不会告知邀请方；邀请不影响您单独申请。`,
  };
}

/** A partner's answer, to the lead (and, on acceptance, the members who accepted before). */
export function invitationAnsweredMessage(ref: LotRef, x: { accepted: boolean; identifier: string; partnerName: string | null; reason: string | null }): Message {
  if (x.accepted) {
    return {
      subject: `联合竞买成员已接受邀请：标的${ref.lotNumber}`,
      body: `${x.partnerName ?? x.identifier}（${x.identifier}）已接受${lotName(ref)}联合竞买邀请。全部成员接受后，牵头人即可提交申请。`,
    };
  }
  return {
    subject: `联合竞买成员拒绝邀请：标的${ref.lotNumber}`,
    body:
      `您邀请的${x.identifier}拒绝了${lotName(ref)}的联合竞买邀请${x.reason ? `，理由：${x.reason}` : ''}。` +
      `联合竞买协议须全体成员一致同意：请撤回本申请，并可另行组成联合体重新申请。`,
  };
}

/** The lead withdrew a draft: the partners who accepted and the holders of invitations that lapse. */
export function applicationWithdrawnMessage(ref: LotRef, x: { reason: string | null }): Message {
  return {
    subject: `联合竞买申请已撤回：标的${ref.lotNumber}`,
    body: `牵头人已撤回${lotName(ref)}的联合竞买申请${x.reason ? `，理由：${x.reason}` : ''}。相关邀请随之失效，您可以单独或另行联合申请。`,
  };
}

/** To finance: a bank notice reused a transaction id with other content (nothing was changed). */
export function bankNoticeConflictMessage(x: { txnId: string; differences: readonly string[] }): Message {
  return {
    subject: `银行到账通知冲突：流水号${x.txnId}`,
    body:
      `银行再次发送了流水号${x.txnId}的到账通知，但内容与已入账的通知不同（${x.differences.join('、')}）。平台未作任何变更，` +
      `请在“到账通知冲突”（GET /api/bank/notice-conflicts）中核对两份通知并与银行确认。`,
  };
}
