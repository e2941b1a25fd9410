import { DomainError } from '@app/common/domain-error';

/**
 * What an applicant may upload (申请材料), judged by the file's content, never by its name.
 *
 * Decisions:
 * - Accepted: PDF (starts with `%PDF-`), OFD (GB/T 33190, the Chinese fixed-layout format: a ZIP
 *   archive whose entries include `OFD.xml` at its root), and images: JPEG, PNG, TIFF and WebP (scans
 *   of licences and IDs). Anything else — an executable renamed `.pdf`, an office file, a plain ZIP —
 *   is refused.
 * - The ZIP test reads the central directory (the authoritative list of entries) through its end
 *   record; ZIP64 archives are not read (an OFD of that size is not an application document).
 * - The name the uploader gave is kept, but when its extension does not match the content, the
 *   download name gets the right one appended (`scan.exe` holding a PDF downloads as `scan.exe.pdf`).
 * - Limits (count, size of one file, total per application) are settings; {@link checkDocumentQuota}
 *   applies them to what the application already holds.
 */

export type DocumentKind = 'pdf' | 'ofd' | 'jpeg' | 'png' | 'tiff' | 'webp';

export interface DocumentType {
  readonly kind: DocumentKind;
  readonly contentType: string;
  readonly extension: string;
}

const TYPES: Readonly<Record<DocumentKind, DocumentType>> = {
  pdf: { kind: 'pdf', contentType: 'application/pdf', extension: 'pdf' },
  ofd: { kind: 'ofd', contentType: 'application/ofd', extension: 'ofd' },
  jpeg: { kind: 'jpeg', contentType: 'image/jpeg', extension: 'jpg' },
  png: { kind: 'png', contentType: 'image/png', extension: 'png' },
  tiff: { kind: 'tiff', contentType: 'image/tiff', extension: 'tif' },
  webp: { kind: 'webp', contentType: 'image/webp', extension: 'webp' },
};

/** Extensions a download name may already carry for each kind. */
const EXTENSIONS: Readonly<Record<DocumentKind, readonly string[]>> = {
  pdf: ['pdf'],
  ofd: ['ofd'],
  jpeg: ['jpg', 'jpeg'],
  png: ['png'],
  tiff: ['tif', 'tiff'],
  webp: ['webp'],
};

export const ACCEPTED_DOCUMENT_TYPES = 'PDF, OFD or an image (JPEG, PNG, TIFF, WebP)';

function startsWith(content: Uint8Array, bytes: readonly number[], at = 0): boolean {
  if (content.length < at + bytes.length) return false;
  return bytes.every((b, i) => content[at + i] === b);
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** The type of an uploaded file from its first bytes (and, for a ZIP, its entries), or null when refused. */
export function sniffDocumentType(content: Uint8Array): DocumentType | null {
  if (startsWith(content, ascii('%PDF-'))) return TYPES.pdf;
  if (startsWith(content, [0xff, 0xd8, 0xff])) return TYPES.jpeg;
  if (startsWith(content, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return TYPES.png;
  if (startsWith(content, [0x49, 0x49, 0x2a, 0x00]) || startsWith(content, [0x4d, 0x4d, 0x00, 0x2a])) return TYPES.tiff;
  if (startsWith(content, ascii('RIFF')) && startsWith(content, ascii('WEBP'), 8)) return TYPES.webp;
  if (startsWith(content, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(content);
    if (names?.includes('OFD.xml')) return TYPES.ofd;
  }
  return null;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/**
 * The entry names listed in a ZIP archive's central directory, or null when the archive is malformed,
 * truncated or ZIP64. Every offset is checked against the buffer, so hostile input cannot read past it.
 */
export function zipEntryNames(content: Uint8Array): string[] | null {
  const view = new DataView(content.buffer, content.byteOffset, content.byteLength);
  const len = content.byteLength;
  if (len < EOCD_SIZE) return null;
  let eocd = -1;
  for (let p = len - EOCD_SIZE; p >= Math.max(0, len - EOCD_SIZE - MAX_COMMENT); p--) {
    if (view.getUint32(p, true) === EOCD_SIGNATURE) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) return null;
  if (offset + size > eocd) return null;
  const names: string[] = [];
  let p = offset;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > offset + size) return null;
    if (view.getUint32(p, true) !== CENTRAL_SIGNATURE) return null;
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > offset + size) return null;
    names.push(Buffer.from(content.subarray(p + 46, p + 46 + nameLength)).toString('utf8'));
    p = end;
  }
  return names;
}

/** The name a download is offered under: the uploader's name, with the right extension added when it lacks one. */
export function downloadFileName(fileName: string, type: DocumentType | null): string {
  if (!type) return fileName;
  const dot = fileName.lastIndexOf('.');
  const extension = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  return EXTENSIONS[type.kind].includes(extension) ? fileName : `${fileName}.${type.extension}`;
}

/** The stored content type's kind, for documents stored with one of ours (older ones have none). */
export function documentTypeOf(contentType: string): DocumentType | null {
  return Object.values(TYPES).find((t) => t.contentType === contentType) ?? null;
}

export interface DocumentLimits {
  /** Most documents one application holds. */
  readonly maxDocuments: number;
  /** Largest single file, in bytes. */
  readonly maxFileBytes: number;
  /** Largest total of one application's documents, in bytes. */
  readonly maxTotalBytes: number;
}

/**
 * Refuses a new file that would break a limit, given what the application already holds:
 * EMPTY_FILE and FILE_TOO_LARGE and DOCUMENTS_TOO_LARGE (field `contentBase64`), TOO_MANY_DOCUMENTS
 * (field `id`, the application).
 */
export function checkDocumentQuota(held: { readonly count: number; readonly totalBytes: number }, newBytes: number, limits: DocumentLimits): void {
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) === 0 ? 0 : 2)} MiB`;
  if (newBytes === 0) throw new DomainError('EMPTY_FILE', 'the file is empty', 'contentBase64');
  if (newBytes > limits.maxFileBytes) throw new DomainError('FILE_TOO_LARGE', `a document may be at most ${mib(limits.maxFileBytes)}; this one is ${mib(newBytes)}`, 'contentBase64');
  if (held.count >= limits.maxDocuments) throw new DomainError('TOO_MANY_DOCUMENTS', `an application holds at most ${limits.maxDocuments} documents`, 'id');
  if (held.totalBytes + newBytes > limits.maxTotalBytes) {
    throw new DomainError('DOCUMENTS_TOO_LARGE', `the documents of an application may total at most ${mib(limits.maxTotalBytes)}; ${mib(held.totalBytes)} are already stored`, 'contentBase64');
  }
}
