import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Response } from 'superagent';
import { Role } from '@app/auth';
import { PARCEL_A } from '../support/fixtures';
import { applyJointly, registerCompany } from '../support/bidders';
import { base64, SAMPLE } from '../support/documents';
import { bearer, LISTING_TERMS, mondayAfter, SaleBuilder } from '../support/sale-builder';
import { createTestApp, type TestApp } from '../support/test-app';

/** Every file under a folder (the document store), recursively. */
function filesUnder(dir: string): string[] {
  let out: string[] = [];
  let entries: string[] = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const full = path.join(dir, name);
    out = statSync(full).isDirectory() ? out.concat(filesUnder(full)) : out.concat(full);
  }
  return out;
}

/** Supertest's binary parser: the raw bytes of a download. */
function binary(res: Response, done: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('application documents: types by content, limits, one copy per file, downloads for reviewers and members', () => {
  let t: TestApp;
  let s: SaleBuilder;
  let lotId: string;
  let admin: string;
  let seed = 30_000;
  const store = () => path.join(t.config.dataDir, 'files');
  const company = (name: string) => registerCompany(t, `doc${++seed}`, name, seed);
  const newApplication = async (name: string) => {
    const b = await company(name);
    const app = await t.http().post(`/api/lots/${lotId}/applications`).set(bearer(b.token)).send({}).expect(201);
    return { ...b, appId: app.body.id as string };
  };
  const upload = (token: string, appId: string, content: Buffer, fileName = 'file.pdf', title = '营业执照') =>
    t.http().post(`/api/applications/${appId}/documents`).set(bearer(token)).send({ title, fileName, contentBase64: base64(content) });
  const documentRows = async (appId: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM application_document WHERE application_id = $1`, [appId]))[0].n as number;
  const setting = (key: string, value: number) => t.http().put(`/api/settings/${key}`).set(bearer(admin)).send({ value, reason: '测试限额' }).expect(200);

  beforeAll(async () => {
    t = await createTestApp();
    s = await new SaleBuilder(t).init('doc');
    admin = await t.tokenFor([Role.Admin]);
    const parcelId = await s.readyParcel(PARCEL_A, 'SG2026-801');
    const a = await t.http().post('/api/announcements').set(bearer(s.tokens.trading)).send({ number: '寿自然资告字〔2026〕60号', title: '出让公告', body: '正文' }).expect(201);
    const lot = await t
      .http()
      .post(`/api/announcements/${a.body.id}/lots`)
      .set(bearer(s.tokens.trading))
      .send({ lotNumber: 'DOC-01', title: '地块', parcelIds: [parcelId], terms: { ...LISTING_TERMS, hasReserve: false, reserveRoundingUnit: undefined }, schedule: await s.listingSchedule(mondayAfter(30), 10) })
      .expect(201);
    lotId = lot.body.id;
    await t.http().post(`/api/announcements/${a.body.id}/publish`).set(bearer(s.tokens.trading)).expect(201);
    await t.dataSource.query(`UPDATE lot SET application_start = now() - interval '1 minute'`);
  });
  afterAll(() => t.close());

  it('refuses a Windows executable named license.pdf with a 400 naming the field, and stores nothing', async () => {
    const b = await newApplication('上传可执行文件公司');
    const filesBefore = filesUnder(store()).length;
    const res = await upload(b.token, b.appId, SAMPLE.exe(), 'license.pdf').expect(400);
    expect(res.body).toMatchObject({ code: 'DOCUMENT_TYPE_NOT_ALLOWED', field: 'contentBase64' });
    expect(await documentRows(b.appId)).toBe(0);
    expect(filesUnder(store())).toHaveLength(filesBefore);
  });

  it.each([
    ['an office file (a ZIP without OFD.xml) named contract.ofd', SAMPLE.officeZip(), 'contract.ofd'],
    ['an HTML page named scan.png', Buffer.from('<html><script>alert(1)</script></html>'), 'scan.png'],
  ])('refuses %s', async (_what, content, fileName) => {
    const b = await newApplication(`拒收${fileName}公司`);
    expect((await upload(b.token, b.appId, content, fileName).expect(400)).body.code).toBe('DOCUMENT_TYPE_NOT_ALLOWED');
  });

  it('accepts PDF, OFD, PNG and JPEG by their content, whatever their names say, recording the real type', async () => {
    const b = await newApplication('多种材料上传公司');
    const accepted = [];
    for (const [content, fileName] of [
      [SAMPLE.pdf(), '营业执照.pdf'],
      [SAMPLE.ofd(), '法定代表人证明.ofd'],
      [SAMPLE.png(), 'id-card.png'],
      [SAMPLE.jpeg(), 'photo.dat'],
    ] as const) {
      const res = await upload(b.token, b.appId, content, fileName).expect(201);
      accepted.push(res.body.contentType);
      expect(res.body).toMatchObject({ fileName, sizeBytes: content.length, url: `/api/applications/${b.appId}/documents/${res.body.id}` });
    }
    expect(accepted).toEqual(['application/pdf', 'application/ofd', 'image/png', 'image/jpeg']);
  });

  it('returns the existing document for the same file uploaded again (same id, 200) and stores nothing new', async () => {
    const b = await newApplication('重复上传公司');
    const content = SAMPLE.pdf('duplicate me');
    const first = await upload(b.token, b.appId, content, 'a.pdf', '营业执照').expect(201);
    const filesBefore = filesUnder(store()).length;
    const again = await upload(b.token, b.appId, content, 'copy-of-a.pdf', '营业执照（副本）').expect(200);
    expect(again.body).toMatchObject({ id: first.body.id, sha256: first.body.sha256, fileName: 'a.pdf' });
    expect(await documentRows(b.appId)).toBe(1);
    expect(filesUnder(store())).toHaveLength(filesBefore);
    // Another application holding the same file gets its own record, but the bytes are kept once.
    const other = await newApplication('同一文件另一公司');
    await upload(other.token, other.appId, content).expect(201);
    expect(filesUnder(store())).toHaveLength(filesBefore);
  });

  it('refuses a document past the count, file size or total size settings, naming the field and storing nothing', async () => {
    await setting('qualification.maxDocumentsPerApplication', 2);
    await setting('qualification.maxDocumentBytes', 4096);
    await setting('qualification.maxApplicationDocumentBytes', 6000);
    try {
      const b = await newApplication('超出限额公司');
      const big = Buffer.concat([SAMPLE.pdf(), Buffer.alloc(4096 - SAMPLE.pdf().length + 1, 0x20)]);
      expect((await upload(b.token, b.appId, big).expect(400)).body).toMatchObject({ code: 'FILE_TOO_LARGE', field: 'contentBase64' });
      await upload(b.token, b.appId, Buffer.concat([SAMPLE.pdf('one'), Buffer.alloc(3000, 0x20)])).expect(201);
      const total = await upload(b.token, b.appId, Buffer.concat([SAMPLE.pdf('two'), Buffer.alloc(3000, 0x20)])).expect(400);
      expect(total.body).toMatchObject({ code: 'DOCUMENTS_TOO_LARGE', field: 'contentBase64' });
      await upload(b.token, b.appId, SAMPLE.pdf('two')).expect(201);
      const third = await upload(b.token, b.appId, SAMPLE.pdf('three')).expect(400);
      expect(third.body).toMatchObject({ code: 'TOO_MANY_DOCUMENTS', field: 'id' });
      expect(await documentRows(b.appId)).toBe(2);
    } finally {
      await setting('qualification.maxDocumentsPerApplication', 20);
      await setting('qualification.maxDocumentBytes', 20 * 1024 * 1024);
      await setting('qualification.maxApplicationDocumentBytes', 50 * 1024 * 1024);
    }
  });

  it('refuses a file over the default 20 MiB cleanly (a JSON error, nothing stored), whichever limit catches it first', async () => {
    const b = await newApplication('超大文件公司');
    const huge = Buffer.concat([SAMPLE.pdf(), Buffer.alloc(20 * 1024 * 1024, 0x20)]);
    const res = await upload(b.token, b.appId, huge);
    expect([400, 413]).toContain(res.status);
    expect(['FILE_TOO_LARGE', 'PAYLOAD_TOO_LARGE']).toContain(res.body.code);
    expect(await documentRows(b.appId)).toBe(0);
  });

  it('lets a reviewer, a supervisor and every member download a document with its type and name; others get the not-found answer', async () => {
    const lead = await company('下载测试牵头公司');
    const partner = await company('下载测试合作公司');
    const outsider = await company('无关竞买公司');
    const appId = await applyJointly(t, lotId, lead, [{ ...partner, share: '50.00' }], '50.00');
    const content = SAMPLE.pdf('营业执照正本');
    const doc = await upload(lead.token, appId, content, '营业执照 (正本).pdf').expect(201);
    const url = `/api/applications/${appId}/documents/${doc.body.id}`;
    for (const token of [s.tokens.trading, s.tokens.supervisor, lead.token, partner.token]) {
      const res = await t.http().get(url).set(bearer(token)).buffer(true).parse(binary).expect(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="____ (__).pdf"; filename*=UTF-8''${encodeURIComponent('营业执照')}%20%28${encodeURIComponent('正本')}%29.pdf`);
      expect(Buffer.compare(res.body as Buffer, content)).toBe(0);
    }
    // The staff view lists the documents with their download links.
    expect((await t.http().get(`/api/applications/${appId}`).set(bearer(s.tokens.trading)).expect(200)).body.documents).toEqual([expect.objectContaining({ id: doc.body.id, url })]);
    const unknown = await t.http().get(`/api/applications/${appId.replace(/.$/, (c) => (c === '0' ? '1' : '0'))}/documents/${doc.body.id}`).set(bearer(outsider.token));
    for (const token of [outsider.token, await t.tokenFor([Role.FinanceOfficer]), await t.tokenFor([Role.ReserveOfficer])]) {
      const res = await t.http().get(url).set(bearer(token));
      expect({ status: res.status, code: res.body.code, message: res.body.message, field: res.body.field }).toEqual({ status: 404, code: 'APPLICATION_NOT_FOUND', message: unknown.body.message, field: 'id' });
    }
    // A member asking for a document of another application under its own id: not found either.
    const stranger = await newApplication('另一申请人公司');
    const foreign = await upload(stranger.token, stranger.appId, SAMPLE.pdf('foreign')).expect(201);
    expect((await t.http().get(`/api/applications/${appId}/documents/${foreign.body.id}`).set(bearer(lead.token)).expect(404)).body.code).toBe('DOCUMENT_NOT_FOUND');
  });

  it('adds the right extension when the name does not match the content', async () => {
    const b = await newApplication('扩展名不符公司');
    const doc = await upload(b.token, b.appId, SAMPLE.png(), 'scan.exe').expect(201);
    const res = await t.http().get(doc.body.url).set(bearer(b.token)).buffer(true).parse(binary).expect(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.headers['content-disposition']).toContain('filename="scan.exe.png"');
  });
});
