import { groupThousands } from '@app/money/decimal';
import { PRICE_UNIT_LABELS, type PriceUnit } from '@app/money/derived-figures';
import { formatVerificationCode } from '../domain/verification-code';

/**
 * The page a printed verification link opens (成交确认书验证): plain HTML, Chinese first with English
 * after, no script, no login, no external resource — it works in any browser, on a phone that scanned
 * the QR code, and in a text browser. It shows whether the code is on record, the confirmation's public
 * facts (the same ones `GET /api/public/confirmations/:code` gives: no bidder identity), and a check of
 * a PDF against the document on record: upload the file (the server hashes it) or paste its SHA-256.
 */

/** Where the page lives, outside the `/api` prefix so the printed URL stays short. */
export const VERIFICATION_PAGE_PATH = 'verify';

/** The public facts of a confirmation on record. */
export interface VerifiedConfirmation {
  readonly code: string;
  readonly announcementNumber: string;
  readonly lotNumber: string;
  /** 成交总价, 元. */
  readonly price: string;
  readonly priceUnit: PriceUnit;
  /** As bid, in `priceUnit`. */
  readonly bidPrice: string | null;
  readonly documentSha256: string;
  readonly issuedAt: Date;
  readonly signed: boolean;
}

/** The outcome of a PDF check: the hash of the file or the one typed, and whether it is the one on record. */
export interface DocumentCheck {
  readonly sha256: string;
  readonly matches: boolean;
  /** Where the hash came from. */
  readonly source: 'upload' | 'typed';
}

export type VerificationPage =
  | { readonly kind: 'found'; readonly confirmation: VerifiedConfirmation; readonly check?: DocumentCheck; readonly checkError?: string }
  | { readonly kind: 'not_found'; readonly typed: string }
  | { readonly kind: 'form' };

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** HTML-escapes text (everything a user typed is shown only through this). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function beijingTime(at: Date): string {
  return `${new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')}（北京时间）`;
}

const STYLE = `
  body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;max-width:44rem;margin:1.5rem auto;padding:0 1rem;line-height:1.6;color:#1f2328}
  h1{font-size:1.4rem;margin-bottom:.2rem} h2{font-size:1.1rem;margin-top:1.6rem}
  .en{color:#57606a;font-size:.9em} .ok{color:#1a7f37} .bad{color:#cf222e}
  .verdict{font-size:1.2rem;font-weight:bold;padding:.6rem .8rem;border-radius:6px;border:2px solid}
  .verdict.ok{border-color:#1a7f37;background:#dafbe1} .verdict.bad{border-color:#cf222e;background:#ffebe9}
  table{border-collapse:collapse;width:100%} th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #d0d7de;vertical-align:top}
  th{width:12rem;font-weight:normal;color:#57606a} code{word-break:break-all}
  form{margin:.6rem 0} input[type=text]{width:100%;max-width:36rem;font-family:monospace;padding:.3rem}
  button{margin-top:.4rem;padding:.3rem 1rem}`;

function layout(title: string, body: string): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<h1>国有建设用地使用权成交确认书验证</h1>',
    '<p class="en">Verification of a transaction confirmation for state-owned construction land use rights</p>',
    body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function codeForm(typed = ''): string {
  return [
    `<form method="get" action="/${VERIFICATION_PAGE_PATH}">`,
    '<label for="code">请输入确认书上的16位验证码（不区分大小写，空格和短横线可省略）<br><span class="en">Enter the 16-character code printed on the confirmation (case, spaces and dashes do not matter)</span></label><br>',
    `<input type="text" id="code" name="code" value="${escapeHtml(typed)}" placeholder="7K3M-9QX2-B4TR-0WZD" autocomplete="off">`,
    '<br><button type="submit">验证 Verify</button>',
    '</form>',
  ].join('\n');
}

function factsTable(c: VerifiedConfirmation): string {
  const yuan = (amount: string) => `${groupThousands(amount)} 元`;
  const rows: Array<[string, string, string]> = [
    ['验证码', 'Code', `<code>${escapeHtml(formatVerificationCode(c.code))}</code>`],
    ['出让公告编号', 'Announcement', escapeHtml(c.announcementNumber)],
    ['地块编号', 'Lot', escapeHtml(c.lotNumber)],
  ];
  if (c.priceUnit !== 'total' && c.bidPrice !== null) {
    rows.push(['成交报价', 'Price as bid', `${escapeHtml(groupThousands(c.bidPrice))} ${PRICE_UNIT_LABELS[c.priceUnit]}`]);
  }
  rows.push(
    ['成交总价', 'Total price', escapeHtml(yuan(c.price))],
    ['出具时间', 'Issued', escapeHtml(beijingTime(c.issuedAt))],
    ['竞得人签署', 'Signed by the winner', c.signed ? '已签署 Signed' : '尚未签署 Not signed yet'],
    ['文件SHA-256', 'Document SHA-256', `<code>${escapeHtml(c.documentSha256)}</code>`],
  );
  return ['<table>', ...rows.map(([zh, en, value]) => `<tr><th>${zh}<br><span class="en">${en}</span></th><td>${value}</td></tr>`), '</table>'].join('\n');
}

function checkSection(page: Extract<VerificationPage, { kind: 'found' }>): string {
  const path = `/${VERIFICATION_PAGE_PATH}/${encodeURIComponent(page.confirmation.code)}`;
  const out = ['<h2>核对PDF文件 <span class="en">Check a PDF file</span></h2>'];
  if (page.check) {
    const { check } = page;
    out.push(
      check.matches
        ? '<p class="verdict ok" id="document-check">✓ 文件与存档一致：这是本平台出具的成交确认书原件。<br><span class="en">The file is the confirmation on record.</span></p>'
        : '<p class="verdict bad" id="document-check">✗ 文件与存档不一致：该文件不是本平台出具的原件，或已被修改。<br><span class="en">The file is NOT the confirmation on record: it is another document or was altered.</span></p>',
      `<p>${check.source === 'upload' ? '所传文件的SHA-256 <span class="en">SHA-256 of the uploaded file</span>' : '所输入的SHA-256 <span class="en">SHA-256 entered</span>'}：<code>${escapeHtml(check.sha256)}</code></p>`,
    );
  }
  if (page.checkError) out.push(`<p class="bad" id="document-check">${escapeHtml(page.checkError)}</p>`);
  out.push(
    `<form method="post" action="${path}" enctype="multipart/form-data">`,
    '<label for="pdf">选择PDF文件，由服务器计算其SHA-256并与存档比对 <span class="en">Choose the PDF: the server hashes it and compares</span></label><br>',
    '<input type="file" id="pdf" name="pdf" accept="application/pdf,.pdf">',
    '<br><button type="submit">核对文件 Check the file</button>',
    '</form>',
    `<form method="get" action="${path}">`,
    '<label for="sha256">或输入文件的SHA-256（如 <code>sha256sum 文件.pdf</code>、<code>certutil -hashfile 文件.pdf SHA256</code> 所得）<br><span class="en">Or enter the file’s SHA-256</span></label><br>',
    `<input type="text" id="sha256" name="sha256" maxlength="64" value="${page.check?.source === 'typed' ? escapeHtml(page.check.sha256) : ''}" autocomplete="off">`,
    '<br><button type="submit">核对哈希 Check the hash</button>',
    '</form>',
  );
  return out.join('\n');
}

/** The whole page as HTML text. */
export function renderVerificationPage(page: VerificationPage): string {
  if (page.kind === 'form') return layout('成交确认书验证', codeForm());
  if (page.kind === 'not_found') {
    return layout(
      '未找到该验证码 — 成交确认书验证',
      [
        '<p class="verdict bad" id="verdict">✗ 未找到该验证码：本平台没有出具过带此验证码的成交确认书。<br><span class="en">Not found: no confirmation with this code was issued by the platform.</span></p>',
        `<p>所查验证码 <span class="en">Code looked up</span>：<code>${escapeHtml(page.typed.slice(0, 100))}</code></p>`,
        '<p>请核对确认书上印制的验证码后重试。<span class="en">Check the code printed on the confirmation and try again.</span></p>',
        codeForm(page.typed.slice(0, 100)),
      ].join('\n'),
    );
  }
  return layout(
    `验证通过 ${formatVerificationCode(page.confirmation.code)} — 成交确认书验证`,
    [
      '<p class="verdict ok" id="verdict">✓ 验证码有效：该成交确认书由本平台出具，内容以下列存档信息为准。<br><span class="en">Valid: this confirmation was issued by the platform; the facts on record are below.</span></p>',
      factsTable(page.confirmation),
      checkSection(page),
    ].join('\n'),
  );
}
