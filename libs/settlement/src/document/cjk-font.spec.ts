import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DomainError } from '@app/common/domain-error';
import { fontFaceNames, locateCjkFont, pickCollectionFace, type KnownCjkFont } from './cjk-font';

/**
 * Uses tiny synthetic font files (an sfnt header with only a `name` table) so the search logic is tested
 * without depending on what is installed; the PDF spec exercises the real font.
 */

/** The bytes of an sfnt table directory with one `name` table holding `postscriptName`, placed at `base`. */
function sfnt(postscriptName: string, base: number, mac = false): Buffer {
  const str = mac ? Buffer.from(postscriptName, 'latin1') : Buffer.from(postscriptName, 'utf16le').swap16();
  const name = Buffer.alloc(6 + 12 + str.length);
  name.writeUInt16BE(0, 0); // format
  name.writeUInt16BE(1, 2); // count
  name.writeUInt16BE(18, 4); // string offset
  name.writeUInt16BE(mac ? 1 : 3, 6); // platform
  name.writeUInt16BE(mac ? 0 : 1, 8); // encoding
  name.writeUInt16BE(mac ? 0 : 0x409, 10); // language
  name.writeUInt16BE(6, 12); // nameID: PostScript name
  name.writeUInt16BE(str.length, 14);
  name.writeUInt16BE(0, 16);
  str.copy(name, 18);
  const dir = Buffer.alloc(12 + 16);
  dir.writeUInt32BE(0x00010000, 0);
  dir.writeUInt16BE(1, 4);
  dir.write('name', 12, 'latin1');
  dir.writeUInt32BE(base + dir.length, 20); // absolute offset
  dir.writeUInt32BE(name.length, 24);
  return Buffer.concat([dir, name]);
}

function ttc(names: string[]): Buffer {
  const headerLength = 12 + 4 * names.length;
  const header = Buffer.alloc(headerLength);
  header.write('ttcf', 0, 'latin1');
  header.writeUInt32BE(0x00010000, 4);
  header.writeUInt32BE(names.length, 8);
  const fonts: Buffer[] = [];
  let offset = headerLength;
  names.forEach((n, i) => {
    header.writeUInt32BE(offset, 12 + 4 * i);
    const font = sfnt(n, offset);
    fonts.push(font);
    offset += font.length;
  });
  return Buffer.concat([header, ...fonts]);
}

function codeOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('locating a CJK font', () => {
  let dir: string;
  let wqy: string;
  let noto: string;
  let single: string;
  let notAFont: string;
  const missing = '/nonexistent/fonts/none.ttc';

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cjk-font-'));
    wqy = join(dir, 'wqy-microhei.ttc');
    writeFileSync(wqy, ttc(['WenQuanYiMicroHei', 'WenQuanYiMicroHeiMono']));
    noto = join(dir, 'NotoSansCJK-Regular.ttc');
    writeFileSync(noto, ttc(['NotoSansCJKjp-Regular', 'NotoSansCJKkr-Regular', 'NotoSansCJKsc-Regular', 'NotoSansCJKtc-Regular']));
    single = join(dir, 'SimHei.ttf');
    writeFileSync(single, sfnt('SimHei', 0, true));
    notAFont = join(dir, 'readme.txt');
    writeFileSync(notAFont, 'not a font at all');
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const known = (path: string, postscriptName: string): KnownCjkFont => ({ path, postscriptName, debianPackage: 'fonts-test' });

  it('reads the PostScript names of the faces of a collection and of a single font', () => {
    expect(fontFaceNames(wqy)).toEqual(['WenQuanYiMicroHei', 'WenQuanYiMicroHeiMono']);
    expect(fontFaceNames(single)).toEqual(['SimHei']);
  });

  it('takes the first known location that exists, with the PostScript name of its face', () => {
    expect(locateCjkFont({ env: {}, candidates: [known(missing, 'X'), known(wqy, 'WenQuanYiMicroHei')] })).toEqual({
      fontPath: wqy,
      fontFamily: 'WenQuanYiMicroHei',
    });
  });

  it('a known location whose expected face is absent falls back to a face the file has', () => {
    expect(locateCjkFont({ env: {}, candidates: [known(noto, 'NotoSansCJK-Regular')] }).fontFamily).toBe('NotoSansCJKsc-Regular');
  });

  it('CJK_FONT_PATH wins over the known locations', () => {
    expect(locateCjkFont({ env: { CJK_FONT_PATH: single }, candidates: [known(wqy, 'WenQuanYiMicroHei')] })).toEqual({ fontPath: single });
  });

  it('a .ttc in CJK_FONT_PATH without CJK_FONT_FAMILY uses its simplified-Chinese face', () => {
    expect(locateCjkFont({ env: { CJK_FONT_PATH: noto } }).fontFamily).toBe('NotoSansCJKsc-Regular');
    expect(locateCjkFont({ env: { CJK_FONT_PATH: wqy } }).fontFamily).toBe('WenQuanYiMicroHei');
    expect(pickCollectionFace(['AMono', 'B'])).toBe('B');
  });

  it('CJK_FONT_FAMILY must name a face of the collection', () => {
    expect(locateCjkFont({ env: { CJK_FONT_PATH: wqy, CJK_FONT_FAMILY: 'WenQuanYiMicroHeiMono' } }).fontFamily).toBe(
      'WenQuanYiMicroHeiMono',
    );
    const e = codeOf(() => locateCjkFont({ env: { CJK_FONT_PATH: wqy, CJK_FONT_FAMILY: 'WenQuanYi Micro Hei' } }));
    expect(e.code).toBe('CJK_FONT_INVALID');
    expect(e.message).toContain('WenQuanYiMicroHei, WenQuanYiMicroHeiMono');
  });

  it('an unreadable CJK_FONT_PATH is an error, not a silent fallback', () => {
    const e = codeOf(() => locateCjkFont({ env: { CJK_FONT_PATH: missing }, candidates: [known(wqy, 'WenQuanYiMicroHei')] }));
    expect(e.code).toBe('CJK_FONT_MISSING');
    expect(e.field).toBe('CJK_FONT_PATH');
    expect(e.message).toContain('scripts/install-system-deps.sh');
  });

  it('a file that is not a font is CJK_FONT_INVALID', () => {
    expect(codeOf(() => locateCjkFont({ env: { CJK_FONT_PATH: notAFont } })).code).toBe('CJK_FONT_INVALID');
  });

  it('no font anywhere is CJK_FONT_MISSING saying how to install one', () => {
    const e = codeOf(() => locateCjkFont({ env: {}, candidates: [known(missing, 'X')] }));
    expect(e.code).toBe('CJK_FONT_MISSING');
    expect(e.message).toContain('scripts/install-system-deps.sh');
    expect(e.message).toContain('fonts-wqy-microhei');
    expect(e.message).toContain(missing);
  });
});
