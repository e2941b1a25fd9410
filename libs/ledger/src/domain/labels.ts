/**
 * Chinese labels for the codes people meet in exports and printed documents (the JSON API keeps the
 * codes). Unknown codes are shown as they are, so a new code is never hidden.
 */

/** 出让方式. */
export const METHOD_LABELS: Readonly<Record<string, string>> = Object.freeze({ auction: '拍卖', listing: '挂牌', tender: '招标' });

/** 规划用途 (land use classes as printed on confirmations and in statistics). */
export const LAND_USE_LABELS: Readonly<Record<string, string>> = Object.freeze({
  residential: '城镇住宅用地',
  commercial: '商服用地',
  industrial: '工业用地',
  mixed: '商住混合用地',
  public_service: '公共管理与公共服务用地',
  other: '其他用地',
});

/** 成交结果. */
export const OUTCOME_LABELS: Readonly<Record<string, string>> = Object.freeze({ sold: '成交', unsold: '流拍' });

/** The label of a code, or the code itself when it has none; a list joined by "、" is labelled item by item. */
export function labelOf(labels: Readonly<Record<string, string>>, code: string): string {
  return code
    .split('、')
    .map((c) => labels[c] ?? c)
    .join('、');
}

/** A report period as people write it: "2025-10" → "2025年10月", "2025-Q4" → "2025年第4季度", "2025" → "2025年". */
export function periodLabel(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `${quarter[1]}年第${quarter[2]}季度`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) return `${month[1]}年${Number(month[2])}月`;
  return /^\d{4}$/.test(period) ? `${period}年` : period;
}
