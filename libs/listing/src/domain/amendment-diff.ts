import type { LotSchedule } from './lot-schedule';
import { PRICE_UNIT_LABELS, type PriceUnit } from './lot-terms';

/**
 * What an amendment (补充公告) changes, field by field, and its summary in Chinese for the notice and
 * for the applicants. An amendment that changes nothing is refused (AMENDMENT_NO_CHANGE): a 补充公告
 * must say what is different.
 *
 * Compared: the announcement's title and text, and for each lot its trading terms and the instants
 * of its schedule that the public sees (the reserve sealing moment is internal and not listed).
 */
export interface AmendableLot {
  readonly lotNumber: string;
  readonly terms: Readonly<Record<string, unknown>>;
  readonly schedule: LotSchedule;
}

export interface AmendableAnnouncement {
  readonly title: string;
  readonly body: string;
  readonly lots: readonly AmendableLot[];
}

export interface AmendmentChange {
  /** Absent for a change of the announcement itself. */
  readonly lotNumber?: string;
  /** `title`, `body`, `terms.startPrice`, `schedule.listingEnd`… */
  readonly field: string;
  readonly label: string;
  readonly before: string | null;
  readonly after: string | null;
}

const TERM_LABELS: Readonly<Record<string, string>> = {
  method: '出让方式',
  startPrice: '起始价',
  increment: '加价幅度',
  incrementPolicy: '加价规则',
  maxJumpIncrements: '单次加价最多幅度数',
  deposit: '竞买保证金',
  priceUnit: '报价单位',
  hasReserve: '底价设置',
  reserveRoundingUnit: '底价取整单位',
  priceCap: '最高限价',
  capRule: '达到最高限价后的竞价方式',
  timedFinalRound: '限时竞价规则',
  evaluation: '评标办法',
  eligibility: '竞买资格条件',
  countdownSeconds: '竞价倒计时',
  warningSeconds: '倒计时提示',
  minBidders: '最少竞买人数',
};
const PRICE_TERMS = new Set(['startPrice', 'increment', 'priceCap', 'reserveRoundingUnit']);

const SCHEDULE_LABELS: ReadonlyArray<readonly [keyof LotSchedule, string]> = [
  ['applicationStart', '竞买申请开始时间'],
  ['applicationEnd', '竞买申请截止时间'],
  ['depositDeadline', '保证金到账截止时间'],
  ['registrationCloseAt', '报名截止时间'],
  ['listingStart', '挂牌开始时间'],
  ['listingEnd', '挂牌截止时间'],
  ['auctionStart', '拍卖开始时间'],
  ['tenderSubmissionStart', '投标开始时间'],
  ['tenderSubmissionDeadline', '投标截止时间'],
  ['tenderOpening', '开标时间'],
];

/** Key order does not matter; values are compared as JSON (absent and null alike). */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined && v !== null);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const SHANGHAI_MS = 8 * 3600_000;
const pad = (n: number) => String(n).padStart(2, '0');
function beijingTime(d: Date): string {
  const b = new Date(d.getTime() + SHANGHAI_MS);
  return `${b.getUTCFullYear()}年${b.getUTCMonth() + 1}月${b.getUTCDate()}日${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}`;
}

function termText(key: string, value: unknown, priceUnit: string): string | null {
  if (value === undefined || value === null) return null;
  if (key === 'deposit') return `${String(value)}元`;
  if (PRICE_TERMS.has(key)) return `${String(value)}${priceUnit}`;
  if (key === 'hasReserve') return value === true ? '设有底价' : '不设底价';
  if (key === 'priceUnit') return PRICE_UNIT_LABELS[value as PriceUnit] ?? String(value);
  if (typeof value === 'object') return '见本公告';
  return String(value);
}

export function diffAmendment(before: AmendableAnnouncement, after: AmendableAnnouncement): AmendmentChange[] {
  const changes: AmendmentChange[] = [];
  if (before.title !== after.title) changes.push({ field: 'title', label: '公告标题', before: before.title, after: after.title });
  if (before.body !== after.body) changes.push({ field: 'body', label: '公告正文', before: null, after: null });
  for (const next of after.lots) {
    const prev = before.lots.find((l) => l.lotNumber === next.lotNumber);
    if (!prev) continue;
    const unitOf = (t: Readonly<Record<string, unknown>>) => PRICE_UNIT_LABELS[t['priceUnit'] as PriceUnit] ?? '元';
    const keys = [...new Set([...Object.keys(prev.terms), ...Object.keys(next.terms)])].sort((a, b) => {
      const order = Object.keys(TERM_LABELS);
      return (order.indexOf(a) === -1 ? 99 : order.indexOf(a)) - (order.indexOf(b) === -1 ? 99 : order.indexOf(b)) || (a < b ? -1 : 1);
    });
    for (const key of keys) {
      if (canonicalJson(prev.terms[key]) === canonicalJson(next.terms[key])) continue;
      changes.push({
        lotNumber: next.lotNumber,
        field: `terms.${key}`,
        label: TERM_LABELS[key] ?? key,
        before: termText(key, prev.terms[key], unitOf(prev.terms)),
        after: termText(key, next.terms[key], unitOf(next.terms)),
      });
    }
    for (const [field, label] of SCHEDULE_LABELS) {
      const a = prev.schedule[field] as Date | undefined;
      const b = next.schedule[field] as Date | undefined;
      if ((a?.getTime() ?? null) === (b?.getTime() ?? null)) continue;
      changes.push({ lotNumber: next.lotNumber, field: `schedule.${field}`, label, before: a ? beijingTime(a) : null, after: b ? beijingTime(b) : null });
    }
  }
  return changes;
}

/** One line per change, numbered, as printed in the 补充公告 and told to applicants. */
export function describeChanges(changes: readonly AmendmentChange[]): string {
  return changes
    .map((c, i) => {
      const where = c.lotNumber ? `标的${c.lotNumber}${c.label}` : c.label;
      const what =
        c.before !== null && c.after !== null ? `由“${c.before}”调整为“${c.after}”` : c.after !== null ? `调整为“${c.after}”` : c.before !== null ? `“${c.before}”取消` : '已修改，以本次公告为准';
      return `${i + 1}. ${where}${what}。`;
    })
    .join('\n');
}
