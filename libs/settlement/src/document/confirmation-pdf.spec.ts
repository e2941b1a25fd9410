import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Money } from '@app/money/money';
import { buildConfirmation, confirmationText, documentHash, formatYuanWords, type ConfirmationModel } from '../domain/confirmation';
import { jointBidConfirmationInput } from '../domain/confirmation.fixtures';
import { fontFaceNames, locateCjkFont, type CjkFont } from './cjk-font';
import { renderConfirmationPdf } from './confirmation-pdf';

/**
 * Reads the rendered PDF back with poppler (pdftotext, pdftoppm, pdffonts) to prove the Chinese text is
 * really there: the CJK font is embedded, the text extracts as the same characters (missing glyphs would
 * not), and the page image has ink where the title is. Missing tools or font fail the suite with a clear
 * message — run `sudo bash scripts/install-system-deps.sh`.
 */

const INSTALL = 'run `sudo bash scripts/install-system-deps.sh` (installs poppler-utils and fonts-wqy-microhei)';

function run(cmd: string, args: string[]): string {
  const result = spawnSync(cmd, args, { encoding: 'utf8' });
  if (result.error) {
    throw new Error(`${cmd} is not available (${result.error.message}): ${INSTALL}`);
  }
  if (result.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return result.stdout;
}

/** A binary PGM (P5, 8-bit) as width, height and pixels. */
function readPgm(path: string): { width: number; height: number; pixels: Buffer } {
  const data = readFileSync(path);
  // header: "P5" ws width ws height ws maxval single-ws, comments start with #
  const tokens: string[] = [];
  let i = 0;
  while (tokens.length < 4) {
    while (/\s/.test(String.fromCharCode(data[i]))) i++;
    if (data[i] === 0x23) {
      while (data[i] !== 0x0a) i++;
      continue;
    }
    let token = '';
    while (!/\s/.test(String.fromCharCode(data[i]))) token += String.fromCharCode(data[i++]);
    tokens.push(token);
  }
  i++; // the single whitespace after maxval
  if (tokens[0] !== 'P5' || tokens[3] !== '255') throw new Error(`unexpected PGM header ${tokens.join(' ')}`);
  const width = Number.parseInt(tokens[1], 10);
  const height = Number.parseInt(tokens[2], 10);
  return { width, height, pixels: data.subarray(i, i + width * height) };
}

function darkFraction(img: { width: number; pixels: Buffer }, x0: number, y0: number, x1: number, y1: number): number {
  let dark = 0;
  let total = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      total++;
      if (img.pixels[y * img.width + x] < 128) dark++;
    }
  }
  return dark / total;
}

const squash = (s: string): string => s.replace(/\s+/g, '');

describe('the confirmation PDF (成交确认书) of a joint-bid sale', () => {
  let dir: string;
  let font: CjkFont;
  let model: ConfirmationModel;
  let pdf: Buffer;
  let pdfPath: string;
  let text: string;

  beforeAll(async () => {
    for (const tool of ['pdftotext', 'pdftoppm', 'pdffonts', 'pdfinfo']) {
      const probe = spawnSync(tool, ['-v'], { encoding: 'utf8' });
      if (probe.error) throw new Error(`${tool} (poppler-utils) is missing: ${INSTALL}`);
    }
    font = locateCjkFont(); // throws CJK_FONT_MISSING with the same hint
    dir = mkdtempSync(join(tmpdir(), 'confirmation-pdf-'));
    model = buildConfirmation(jointBidConfirmationInput());
    pdf = await renderConfirmationPdf(model, font);
    pdfPath = join(dir, 'confirmation.pdf');
    writeFileSync(pdfPath, pdf);
    text = run('pdftotext', ['-layout', '-enc', 'UTF-8', pdfPath, '-']);
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is a PDF whose metadata carries the title', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = run('pdfinfo', [pdfPath]);
    expect(info).toMatch(/Title:\s+国有建设用地使用权成交确认书/);
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  });

  it('embeds the CJK font (pdffonts lists it as embedded)', () => {
    const fonts = run('pdffonts', [pdfPath]);
    const expected = font.fontFamily ?? fontFaceNames(font.fontPath)[0];
    const rows = fonts.split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(rows.length).toBeGreaterThan(0);
    // name (subset tag + PostScript name), type, encoding, emb, sub, uni
    const cjkRows = rows.filter((r) => r.includes(expected));
    expect(cjkRows.length).toBeGreaterThan(0);
    for (const row of cjkRows) expect(row).toMatch(/\byes\s+yes\s+yes\b/);
    // nothing is set in a non-embedded standard font (which has no Chinese glyphs)
    for (const row of rows) expect(row).not.toMatch(/\bno\s+no\s+no\b/);
  });

  it('extracts the title, the announcement and lot numbers', () => {
    expect(text).toContain('成交确认书');
    expect(text).toContain('国有建设用地使用权成交确认书');
    expect(text).toContain('SG2026-05');
    expect(text).toContain('寿自然资告字〔2026〕3号');
  });

  it('extracts the price in figures and the 大写 amount exactly as the input', () => {
    expect(text).toContain('¥125,000,000.00元');
    expect(text).toContain('壹亿贰仟伍佰万元整');
    const line = text.split('\n').find((l) => l.includes('大写：人民币壹亿'));
    expect(line).toBeDefined();
    expect(squash(line ?? '')).toBe(`大写：${formatYuanWords(Money.parse('125000000.00'))}`);
  });

  it('extracts the partners of the joint bid with their shares', () => {
    const flat = squash(text);
    expect(flat).toContain('寿光市弥河置业有限公司（统一社会信用代码：91370783MA3C4Y1X2K），出资比例60.00%（牵头人）');
    expect(flat).toContain('潍坊圣城建设发展有限公司（统一社会信用代码：91370700MA3D8K2P5N），出资比例40.00%');
    expect(flat).toContain('新设项目公司：寿光市现代商城置业有限公司');
  });

  it('extracts every line of confirmationText except the schedule sentences, which are a table', () => {
    const flat = squash(text);
    const tableSentences = new Set(model.installments.map((i) => `第${i.number}期：`));
    for (const line of confirmationText(model)) {
      if ([...tableSentences].some((s) => line.startsWith(s))) continue;
      // long lines wrap: compare without whitespace, and the wrapped URL may break anywhere
      expect(flat).toContain(squash(line));
    }
    // the table's cells
    expect(flat).toContain('62,500,000.00');
    expect(flat).toContain('42,500,000.00');
    expect(flat).toContain('出让合同签订之日起12个月内');
  });

  it('renders page 1 with ink: a non-trivial PNG and dark pixels where the title is', () => {
    const prefix = join(dir, 'page');
    run('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfPath, prefix]);
    const png = readdirSync(dir).find((f) => f.startsWith('page') && f.endsWith('.png'));
    expect(png).toBeDefined();
    expect(statSync(join(dir, png ?? '')).size).toBeGreaterThan(5_000);

    run('pdftoppm', ['-gray', '-r', '60', '-f', '1', '-l', '1', pdfPath, join(dir, 'gray')]);
    const pgm = readdirSync(dir).find((f) => f.startsWith('gray') && f.endsWith('.pgm'));
    const img = readPgm(join(dir, pgm ?? ''));
    // A4 at 60 dpi ≈ 496 × 702
    expect(img.width).toBeGreaterThan(480);
    expect(img.height).toBeGreaterThan(690);
    // The title line (18 pt, centred, just below the 2 cm top margin): a 14-character Chinese title
    const title = darkFraction(img, Math.round(img.width * 0.2), 40, Math.round(img.width * 0.8), 65);
    expect(title).toBeGreaterThan(0.03);
    // the body has text but the page is mostly white
    const page = darkFraction(img, 0, 0, img.width, img.height);
    expect(page).toBeGreaterThan(0.01);
    expect(page).toBeLessThan(0.3);
  });

  it('renders the same model to byte-identical PDFs with the same hash', async () => {
    const again = await renderConfirmationPdf(buildConfirmation(jointBidConfirmationInput()), font);
    expect(again.equals(pdf)).toBe(true);
    expect(documentHash(again)).toBe(documentHash(pdf));
  });

  it('a font face that is not in the file is refused as CJK_FONT_INVALID', async () => {
    await expect(renderConfirmationPdf(model, { fontPath: font.fontPath, fontFamily: 'NoSuchFace-Regular' })).rejects.toMatchObject({
      code: 'CJK_FONT_INVALID',
    });
  });

  it('a different verification code gives a different document hash', async () => {
    const other = await renderConfirmationPdf(
      buildConfirmation(
        jointBidConfirmationInput({
          verificationCode: 'ABCDEFGHJKMNPQRS',
          verificationUrl: 'https://tdjy.example.gov.cn/verify/ABCDEFGHJKMNPQRS',
        }),
      ),
      font,
    );
    expect(documentHash(other)).not.toBe(documentHash(pdf));
  });
});
