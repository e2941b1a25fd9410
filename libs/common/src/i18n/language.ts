/** The languages error messages are served in: Chinese by default, English on request. */
export type Language = 'zh' | 'en';

export const DEFAULT_LANGUAGE: Language = 'zh';

/**
 * The language an `Accept-Language` header prefers: English when an `en` range has the highest
 * quality among the ranges we serve (`zh…`, `en…`), Chinese otherwise: with no header, for any other
 * language, for `*`, and on a tie the range listed first wins. `q=0` means "not acceptable".
 *
 * `en-US,en;q=0.9` → en · `zh-CN,zh;q=0.9,en;q=0.8` → zh · `fr, en;q=0.5` → en · `fr` → zh ·
 * `en;q=0, zh;q=0.1` → zh.
 */
export function preferredLanguage(header: unknown): Language {
  const text = Array.isArray(header) ? header.join(',') : header;
  if (typeof text !== 'string' || text.length === 0 || text.length > 1000) return DEFAULT_LANGUAGE;
  let best: { language: Language; q: number } | undefined;
  for (const part of text.split(',').slice(0, 50)) {
    const [range = '', ...params] = part.trim().split(';');
    const primary = range.trim().toLowerCase().split('-')[0];
    const language: Language | undefined = primary === 'en' ? 'en' : primary === 'zh' ? 'zh' : undefined;
    if (!language) continue;
    const q = quality(params);
    if (q > 0 && (!best || q > best.q)) best = { language, q };
  }
  return best?.language ?? DEFAULT_LANGUAGE;
}

function quality(params: string[]): number {
  for (const p of params) {
    const match = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p);
    if (match) return Math.min(1, Number(match[1]));
  }
  return params.some((p) => /^\s*q\s*=/i.test(p)) ? 0 : 1;
}
