import { closeSync, openSync, readSync } from 'node:fs';
import { DomainError } from '@app/common/domain-error';

/**
 * Finding a font with Chinese glyphs for the confirmation PDF. pdfkit's built-in fonts (Helvetica …)
 * have none: Chinese text in them prints as empty boxes or nothing at all.
 *
 * Search order:
 * 1. `CJK_FONT_PATH` (a .ttf, .otf or .ttc file), with `CJK_FONT_FAMILY` naming the face inside a
 *    collection; when that is not given the face is picked from the file's own names (below). A
 *    `CJK_FONT_PATH` that cannot be read is an error, never silently replaced by another font.
 * 2. The Debian/Ubuntu locations of fonts-wqy-microhei, fonts-wqy-zenhei and fonts-noto-cjk
 *    ({@link KNOWN_CJK_FONTS}); `scripts/install-system-deps.sh` installs the first.
 * Nothing found: `DomainError('CJK_FONT_MISSING')` saying how to install one.
 *
 * A TrueType collection (.ttc) holds several faces; pdfkit (fontkit) picks one by its **PostScript
 * name** — not the family name: "WenQuanYiMicroHei" (not "WenQuanYi Micro Hei"), "NotoSansCJKsc-Regular".
 * The names are read from the file ({@link fontFaceNames}, a few small reads, not the whole file), so a
 * wrong name is caught here and not as an obscure pdfkit failure.
 */

/** What the renderer needs: the file and, for a collection, the PostScript name of the face. */
export interface CjkFont {
  readonly fontPath: string;
  readonly fontFamily?: string;
}

export interface KnownCjkFont {
  readonly path: string;
  /** PostScript name of the face to use (the simplified-Chinese one of a collection). */
  readonly postscriptName: string;
  /** The Debian package that ships the file. */
  readonly debianPackage: string;
}

/** Known locations, in order of preference (keep in step with scripts/install-system-deps.sh). */
export const KNOWN_CJK_FONTS: readonly KnownCjkFont[] = Object.freeze([
  { path: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', postscriptName: 'WenQuanYiMicroHei', debianPackage: 'fonts-wqy-microhei' },
  { path: '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc', postscriptName: 'WenQuanYiZenHei', debianPackage: 'fonts-wqy-zenhei' },
  { path: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular', debianPackage: 'fonts-noto-cjk' },
  { path: '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc', postscriptName: 'NotoSerifCJKsc-Regular', debianPackage: 'fonts-noto-cjk' },
]);

export const INSTALL_HINT =
  'run `sudo bash scripts/install-system-deps.sh` (installs fonts-wqy-microhei and poppler-utils with apt-get), ' +
  'or set CJK_FONT_PATH to a .ttf/.otf/.ttc font with Chinese glyphs (and CJK_FONT_FAMILY to the PostScript name ' +
  'of the face inside a .ttc)';

export interface LocateCjkFontOptions {
  /** Default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Default {@link KNOWN_CJK_FONTS}. */
  readonly candidates?: readonly KnownCjkFont[];
}

const SFNT_TRUETYPE = 0x00010000;
const TAG_TTCF = 0x74746366; // 'ttcf'
const TAG_OTTO = 0x4f54544f; // 'OTTO'
const TAG_TRUE = 0x74727565; // 'true'
const TAG_NAME = 0x6e616d65; // 'name'
const NAME_ID_POSTSCRIPT = 6;

class FontFileReader {
  private readonly fd: number;
  constructor(readonly path: string) {
    this.fd = openSync(path, 'r');
  }

  bytes(offset: number, length: number): Buffer {
    const buf = Buffer.alloc(length);
    const read = readSync(this.fd, buf, 0, length, offset);
    if (read !== length) throw invalidFont(this.path, 'the file is truncated');
    return buf;
  }

  close(): void {
    closeSync(this.fd);
  }
}

function invalidFont(path: string, why: string): DomainError {
  return new DomainError('CJK_FONT_INVALID', `${path} is not a usable TrueType/OpenType font: ${why}`, 'CJK_FONT_PATH', { path });
}

function decodeName(platformId: number, raw: Buffer): string {
  if (platformId === 1) return raw.toString('latin1');
  // platform 0 (Unicode) and 3 (Windows): UTF-16BE
  const swapped = Buffer.from(raw);
  swapped.swap16();
  return swapped.toString('utf16le');
}

function postscriptNameAt(reader: FontFileReader, sfntOffset: number): string | undefined {
  const header = reader.bytes(sfntOffset, 12);
  const numTables = header.readUInt16BE(4);
  const records = reader.bytes(sfntOffset + 12, numTables * 16);
  let nameOffset = -1;
  for (let i = 0; i < numTables; i++) {
    if (records.readUInt32BE(i * 16) === TAG_NAME) nameOffset = records.readUInt32BE(i * 16 + 8);
  }
  if (nameOffset < 0) return undefined;
  const nameHeader = reader.bytes(nameOffset, 6);
  const count = nameHeader.readUInt16BE(2);
  const stringOffset = nameHeader.readUInt16BE(4);
  const nameRecords = reader.bytes(nameOffset + 6, count * 12);
  const found = new Map<number, string>();
  for (let i = 0; i < count; i++) {
    const base = i * 12;
    const platformId = nameRecords.readUInt16BE(base);
    const nameId = nameRecords.readUInt16BE(base + 6);
    if (nameId !== NAME_ID_POSTSCRIPT || found.has(platformId)) continue;
    const length = nameRecords.readUInt16BE(base + 8);
    const offset = nameRecords.readUInt16BE(base + 10);
    found.set(platformId, decodeName(platformId, reader.bytes(nameOffset + stringOffset + offset, length)));
  }
  return found.get(3) ?? found.get(1) ?? found.get(0);
}

/**
 * The PostScript names of the faces in a font file, in file order: one for a .ttf/.otf, several for a
 * .ttc. Throws `CJK_FONT_INVALID` for a file that is not a font.
 */
export function fontFaceNames(path: string): string[] {
  const reader = new FontFileReader(path);
  try {
    const tag = reader.bytes(0, 4).readUInt32BE(0);
    if (tag === TAG_TTCF) {
      const count = reader.bytes(8, 4).readUInt32BE(0);
      const offsets = reader.bytes(12, count * 4);
      return Array.from({ length: count }, (_, i) => postscriptNameAt(reader, offsets.readUInt32BE(i * 4)) ?? `#${i}`);
    }
    if (tag === SFNT_TRUETYPE || tag === TAG_OTTO || tag === TAG_TRUE) {
      const name = postscriptNameAt(reader, 0);
      return name === undefined ? [] : [name];
    }
    throw invalidFont(path, 'unknown file signature');
  } finally {
    reader.close();
  }
}

/** True when the file is a collection (.ttc), whose face pdfkit must be told by PostScript name. */
export function isFontCollection(path: string): boolean {
  const reader = new FontFileReader(path);
  try {
    return reader.bytes(0, 4).readUInt32BE(0) === TAG_TTCF;
  } finally {
    reader.close();
  }
}

/**
 * The face to use from a collection when none is named: a simplified-Chinese one if the names say so
 * (…SC…, …sc-…, …GB…), else the first that is not a monospaced variant, else the first.
 */
export function pickCollectionFace(names: readonly string[]): string | undefined {
  return (
    names.find((n) => /(?:CJKsc|SC\b|SC-|GB)/.test(n)) ?? names.find((n) => !/mono/i.test(n)) ?? names[0]
  );
}

function readable(path: string): boolean {
  try {
    closeSync(openSync(path, 'r'));
    return true;
  } catch {
    return false;
  }
}

function fromExplicit(path: string, family: string | undefined): CjkFont {
  if (!readable(path)) {
    throw new DomainError('CJK_FONT_MISSING', `CJK_FONT_PATH points to ${path}, which cannot be read; ${INSTALL_HINT}`, 'CJK_FONT_PATH', {
      path,
    });
  }
  const names = fontFaceNames(path);
  if (!isFontCollection(path)) return Object.freeze({ fontPath: path });
  if (family !== undefined && family !== '') {
    if (!names.includes(family)) {
      throw new DomainError(
        'CJK_FONT_INVALID',
        `${path} has no face with the PostScript name "${family}"; it has: ${names.join(', ')}`,
        'CJK_FONT_FAMILY',
        { path, faces: names },
      );
    }
    return Object.freeze({ fontPath: path, fontFamily: family });
  }
  const face = pickCollectionFace(names);
  if (face === undefined) throw invalidFont(path, 'the collection has no faces');
  return Object.freeze({ fontPath: path, fontFamily: face });
}

/**
 * The CJK font to render with; see the module notes for the search order. Throws `CJK_FONT_MISSING`
 * (with how to install one) when there is none, `CJK_FONT_INVALID` for a file that is not a usable font.
 */
export function locateCjkFont(options: LocateCjkFontOptions = {}): CjkFont {
  const env = options.env ?? process.env;
  const explicit = env.CJK_FONT_PATH;
  if (explicit !== undefined && explicit.trim() !== '') return fromExplicit(explicit.trim(), env.CJK_FONT_FAMILY?.trim());
  const candidates = options.candidates ?? KNOWN_CJK_FONTS;
  for (const known of candidates) {
    if (!readable(known.path)) continue;
    const names = fontFaceNames(known.path);
    if (!isFontCollection(known.path)) return Object.freeze({ fontPath: known.path });
    const face = names.includes(known.postscriptName) ? known.postscriptName : pickCollectionFace(names);
    if (face !== undefined) return Object.freeze({ fontPath: known.path, fontFamily: face });
  }
  throw new DomainError(
    'CJK_FONT_MISSING',
    `no CJK font found for the confirmation PDF (looked in ${candidates.map((c) => c.path).join(', ')}); ${INSTALL_HINT}`,
    undefined,
    { searched: candidates.map((c) => c.path) },
  );
}
