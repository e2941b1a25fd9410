import { TEST_PASSWORD, type TestApp } from './test-app';

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** A valid unified social credit code (GB 32100) for test companies, computed here independently. */
export function uscc(seed: number): string {
  const body8 = String(10_000_000 + (seed % 89_999_999)).slice(-8);
  const orgSum = [...body8].reduce((s, c, i) => s + Number(c) * ORG_WEIGHTS[i]!, 0);
  const orgCheck = 11 - (orgSum % 11);
  const org9 = body8 + (orgCheck === 10 ? 'X' : orgCheck === 11 ? '0' : String(orgCheck));
  const first17 = `91370783${org9}`;
  const sum = [...first17].reduce((s, c, i) => s + USCC_ALPHABET.indexOf(c) * USCC_WEIGHTS[i]!, 0);
  const check = (31 - (sum % 31)) % 31;
  return first17 + USCC_ALPHABET[check]!;
}

/** Registers a company bidder and returns its token and credit code. */
export async function registerCompany(t: TestApp, username: string, name: string, seed: number) {
  const creditCode = uscc(seed);
  const res = await t
    .http()
    .post('/api/bidders')
    .send({ kind: 'company', name, creditCode, legalRepresentative: '王建国', contactName: '李明', contactPhone: '13805360000', address: '山东省寿光市圣城街1号', username, password: TEST_PASSWORD });
  if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${JSON.stringify(res.body)}`);
  const login = await t.http().post('/api/auth/login').send({ username, password: TEST_PASSWORD });
  return { token: login.body.accessToken as string, creditCode, name, id: res.body.id as string };
}

/**
 * A joint application: the lead applies with every member's code and share (its own first); the
 * partners named in `accepting` accept their invitations. Returns the application id.
 */
export async function applyJointly(
  t: TestApp,
  lotId: string,
  lead: { token: string; creditCode: string },
  partners: ReadonlyArray<{ token: string; creditCode: string; share: string }>,
  leadShare: string,
  accepting: ReadonlyArray<{ token: string }> = partners,
): Promise<string> {
  const res = await t
    .http()
    .post(`/api/lots/${lotId}/applications`)
    .set('authorization', `Bearer ${lead.token}`)
    .send({ partners: [{ identifier: lead.creditCode, share: leadShare }, ...partners.map((p) => ({ identifier: p.creditCode, share: p.share }))] });
  if (res.status !== 201) throw new Error(`joint application failed: ${res.status} ${JSON.stringify(res.body)}`);
  for (const p of accepting) {
    const accepted = await t.http().post(`/api/applications/${res.body.id}/acceptance`).set('authorization', `Bearer ${p.token}`);
    if (accepted.status !== 201) throw new Error(`acceptance failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  }
  return res.body.id as string;
}
