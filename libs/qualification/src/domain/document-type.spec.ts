import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import { zipOf } from '../../../../test/support/documents';
import { checkDocumentQuota, downloadFileName, sniffDocumentType, zipEntryNames } from './document-type';

const OFD = zipOf({ 'OFD.xml': '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>', 'Doc_0/Document.xml': '<ofd:Document/>' });

describe('sniffDocumentType: judged by content', () => {
  it.each([
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'application/pdf'],
    ['an OFD (a ZIP with OFD.xml at its root)', OFD, 'application/ofd'],
    ['a JPEG', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]), 'image/jpeg'],
    ['a PNG', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'image/png'],
    ['a little-endian TIFF', Buffer.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]), 'image/tiff'],
    ['a big-endian TIFF', Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]), 'image/tiff'],
    ['a WebP', Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]), 'image/webp'],
  ])('accepts %s', (_what, content, contentType) => {
    expect(sniffDocumentType(content)?.contentType).toBe(contentType);
  });

  it.each([
    ['a Windows executable', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64), Buffer.from('This program cannot be run in DOS mode.')])],
    ['an ELF binary', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1])],
    ['an HTML page', Buffer.from('<!doctype html><script>alert(1)</script>')],
    ['a PDF marker not at the start (a polyglot)', Buffer.from('MZ....%PDF-1.4')],
    ['a plain ZIP (an office file, say) without OFD.xml', zipOf({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' })],
    ['a ZIP with OFD.xml only in a folder', zipOf({ 'x/OFD.xml': '<ofd/>' })],
    ['a ZIP header with no archive behind it', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])],
    ['RIFF that is not WebP (a WAV)', Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WAVEfmt ')])],
    ['nothing', Buffer.alloc(0)],
  ])('refuses %s', (_what, content) => {
    expect(sniffDocumentType(content)).toBeNull();
  });
});

describe('zipEntryNames', () => {
  it('lists the entries of the central directory', () => {
    expect(zipEntryNames(OFD)).toEqual(['OFD.xml', 'Doc_0/Document.xml']);
  });

  it('finds the end record behind an archive comment', () => {
    const withComment = Buffer.concat([OFD, Buffer.from('comment')]);
    withComment.writeUInt16LE(7, OFD.length - 2);
    expect(zipEntryNames(withComment)).toEqual(['OFD.xml', 'Doc_0/Document.xml']);
  });

  it('answers null, never throws or reads past the end, for any truncation or corruption of an archive', () => {
    fc.assert(
      fc.property(fc.nat(OFD.length - 1), fc.nat(OFD.length - 1), fc.integer({ min: 0, max: 255 }), (cut, at, byte) => {
        const corrupted = Buffer.from(OFD);
        corrupted[at] = byte;
        for (const candidate of [OFD.subarray(0, cut), corrupted]) {
          const names = zipEntryNames(candidate);
          expect(names === null || Array.isArray(names)).toBe(true);
        }
      }),
    );
  });
});

describe('downloadFileName', () => {
  const pdf = sniffDocumentType(Buffer.from('%PDF-1.4'));
  it('keeps a name whose extension matches the content, and adds the right one otherwise', () => {
    expect(downloadFileName('营业执照.PDF', pdf)).toBe('营业执照.PDF');
    expect(downloadFileName('scan.exe', pdf)).toBe('scan.exe.pdf');
    expect(downloadFileName('license', pdf)).toBe('license.pdf');
    expect(downloadFileName('photo.jpeg', sniffDocumentType(Buffer.from([0xff, 0xd8, 0xff])))).toBe('photo.jpeg');
    expect(downloadFileName('old.bin', null)).toBe('old.bin');
  });
});

describe('checkDocumentQuota', () => {
  const limits = { maxDocuments: 3, maxFileBytes: 100, maxTotalBytes: 250 };
  const codeOf = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      if (e instanceof DomainError) return [e.code, e.field];
      throw e;
    }
    return null;
  };

  it('lets through a file within every limit, up to each limit exactly', () => {
    expect(codeOf(() => checkDocumentQuota({ count: 2, totalBytes: 150 }, 100, limits))).toBeNull();
  });

  it('refuses an empty file, a file over the size limit, one document too many and a total over the limit, each naming its field', () => {
    expect(codeOf(() => checkDocumentQuota({ count: 0, totalBytes: 0 }, 0, limits))).toEqual(['EMPTY_FILE', 'contentBase64']);
    expect(codeOf(() => checkDocumentQuota({ count: 0, totalBytes: 0 }, 101, limits))).toEqual(['FILE_TOO_LARGE', 'contentBase64']);
    expect(codeOf(() => checkDocumentQuota({ count: 3, totalBytes: 30 }, 10, limits))).toEqual(['TOO_MANY_DOCUMENTS', 'id']);
    expect(codeOf(() => checkDocumentQuota({ count: 2, totalBytes: 151 }, 100, limits))).toEqual(['DOCUMENTS_TOO_LARGE', 'contentBase64']);
  });
});
