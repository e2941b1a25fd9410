import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { DomainError } from '@app/common/domain-error';
import { CONFIRMATION_TITLE, confirmationSections, type ConfirmationModel, type ConfirmationSection } from '../domain/confirmation';
import { formatVerificationCode } from '../domain/verification-code';
import type { CjkFont } from './cjk-font';

/**
 * Renders the transaction confirmation (成交确认书) as an A4 PDF with pdfkit: the title, the sections of
 * {@link confirmationSections} in order (the same lines `confirmationText` returns), the payment
 * schedule as a table, and a QR code of the verification URL.
 *
 * Fonts: every string is set in the CJK font given (see cjk-font.ts, `locateCjkFont()`); pdfkit embeds
 * a subset of it, so the PDF shows Chinese glyphs on any viewer.
 *
 * Determinism: the same model and font file render **byte-identical** PDFs, so `documentHash` of the
 * stored file can be recomputed. pdfkit's only varying inputs are the creation date (set here to the
 * close instant, `info.CreationDate`/`ModDate`), the file ID (an MD5 of the info dictionary, hence
 * fixed too) and the font subset tag (derived from the font's internal id, fixed). The QR code PNG is a
 * pure function of the URL. A different pdfkit, qrcode or font version may change the bytes: keep the
 * stored file, and its hash, as the record.
 */

export interface RenderConfirmationOptions extends CjkFont {
  /** Text in the PDF's Author field; default "土地交易平台". */
  readonly author?: string;
}

const FONT = 'cjk';
const A4_MARGIN = 56; // ≈ 2 cm
const TITLE_SIZE = 18;
const HEADING_SIZE = 12;
const BODY_SIZE = 10.5; // 五号
const TABLE_SIZE = 9;
const LINE_GAP = 3;
const QR_SIZE = 96;
const TABLE_WIDTHS = [0.08, 0.3, 0.08, 0.18, 0.18, 0.18];

type Doc = PDFKit.PDFDocument;

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function drawTable(doc: Doc, rows: readonly (readonly string[])[]): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const widths = TABLE_WIDTHS.map((w) => w * width);
  const padding = 4;
  doc.fontSize(TABLE_SIZE);
  rows.forEach((row, r) => {
    const heights = row.map((cell, c) => doc.heightOfString(cell, { width: widths[c] - 2 * padding }));
    const rowHeight = Math.max(...heights) + 2 * padding;
    ensureSpace(doc, rowHeight);
    const top = doc.y;
    let x = left;
    row.forEach((cell, c) => {
      if (r === 0) doc.rect(x, top, widths[c], rowHeight).fillAndStroke('#eeeeee', '#000000').fillColor('#000000');
      else doc.rect(x, top, widths[c], rowHeight).stroke('#000000');
      // numbers right-aligned, text left-aligned
      const align = r > 0 && c >= 3 ? 'right' : 'left';
      doc.text(cell, x + padding, top + padding, { width: widths[c] - 2 * padding, align, lineBreak: true });
      x += widths[c];
    });
    doc.x = left;
    doc.y = top + rowHeight;
  });
  doc.moveDown(0.5);
  doc.fontSize(BODY_SIZE);
}

function drawLines(doc: Doc, lines: readonly string[], width?: number): void {
  for (const line of lines) {
    doc.text(line, doc.page.margins.left, doc.y, { width, lineGap: LINE_GAP });
  }
}

function drawSection(doc: Doc, section: ConfirmationSection, qr: Buffer): void {
  const contentWidth = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  if (section.heading) {
    // keep a heading with what follows it
    ensureSpace(doc, HEADING_SIZE * 2 + (section.key === 'verification' ? QR_SIZE + 8 : BODY_SIZE * 4));
    doc.moveDown(0.4);
    doc.fontSize(HEADING_SIZE).text(section.heading, doc.page.margins.left, doc.y, { lineGap: LINE_GAP });
    doc.fontSize(BODY_SIZE);
  }
  if (section.key === 'verification') {
    ensureSpace(doc, QR_SIZE + 8);
    const top = doc.y;
    drawLines(doc, section.lines, contentWidth - QR_SIZE - 16);
    doc.image(qr, doc.page.width - doc.page.margins.right - QR_SIZE, top, { width: QR_SIZE, height: QR_SIZE });
    doc.y = Math.max(doc.y, top + QR_SIZE + 4);
    return;
  }
  if (section.key === 'signatures') {
    // one block per signing party, each starting at its （盖章） line, kept on one page
    for (const line of section.lines) {
      if (line.includes('（盖章）')) {
        doc.moveDown(1);
        ensureSpace(doc, BODY_SIZE * 6);
      }
      drawLines(doc, [line], contentWidth);
    }
    return;
  }
  drawLines(doc, section.lines, contentWidth);
  if (section.table) {
    doc.moveDown(0.3);
    drawTable(doc, section.table.rows);
  }
}

/** "第 1 页 共 2 页" centred in the bottom margin of every page. */
function drawPageNumbers(doc: Doc): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the margin must not start a new page
    doc.fontSize(TABLE_SIZE).text(`第 ${i - start + 1} 页 共 ${count} 页`, doc.page.margins.left, doc.page.height - bottom / 2 - TABLE_SIZE, {
      width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
      align: 'center',
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * The confirmation as PDF bytes (A4). `fontPath` must be a font with Chinese glyphs and, for a .ttc,
 * `fontFamily` the PostScript name of the face (what `locateCjkFont()` returns). Deterministic: see
 * the module notes.
 */
export async function renderConfirmationPdf(model: ConfirmationModel, options: RenderConfirmationOptions): Promise<Buffer> {
  if (!options.fontPath) {
    throw new DomainError('CJK_FONT_MISSING', 'renderConfirmationPdf needs a CJK font (see locateCjkFont)', 'fontPath');
  }
  const qr = await QRCode.toBuffer(model.verificationUrl, { type: 'png', errorCorrectionLevel: 'M', margin: 1, width: 240 });
  const when = model.closedAt;
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: A4_MARGIN, bottom: A4_MARGIN, left: A4_MARGIN, right: A4_MARGIN },
    autoFirstPage: true,
    bufferPages: true,
    compress: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      Title: CONFIRMATION_TITLE,
      Subject: `${model.announcementNumber} ${model.lotNumber}`,
      Author: options.author ?? '土地交易平台',
      Keywords: formatVerificationCode(model.verificationCode),
      Creator: 'land-trading-platform',
      Producer: 'PDFKit',
      CreationDate: when,
      ModDate: when,
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  try {
    doc.registerFont(FONT, options.fontPath, options.fontFamily);
    doc.font(FONT);
  } catch (e) {
    doc.end();
    throw new DomainError(
      'CJK_FONT_INVALID',
      `pdfkit cannot use the font ${options.fontPath}${options.fontFamily ? ` (${options.fontFamily})` : ''}: ${(e as Error).message}`,
      'fontPath',
    );
  }
  doc.fontSize(TITLE_SIZE).text(CONFIRMATION_TITLE, { align: 'center' });
  doc.moveDown(0.8);
  doc.fontSize(BODY_SIZE);
  for (const section of confirmationSections(model)) drawSection(doc, section, qr);
  drawPageNumbers(doc);
  doc.end();
  return done;
}
