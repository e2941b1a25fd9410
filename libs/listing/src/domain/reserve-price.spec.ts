import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import { Money } from '@app/money/money';
import {
  acceptProposal,
  checkCommittee,
  checkProposalsComplete,
  commitReserve,
  computeReserve,
  meetsReserve,
  openReserveValue,
  parseReserveCanonical,
  reserveCanonicalForm,
  revealReserve,
  sealReserve,
  sealReserveValue,
  validateProposal,
  verifyReserveCommitment,
  type ProposalContext,
  type ReserveProposal,
} from './reserve-price';

const m = (s: string): Money => Money.of(s);
const SEALING = new Date('2025-10-14T06:00:00Z');
const BEFORE = new Date('2025-10-14T05:59:59.999Z');
const ZERO_SALT = Buffer.alloc(32);
const KEY = Buffer.alloc(32, 7);

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('reserve proposals', () => {
  it('a proposal equal to the start price is accepted; one below it is refused (RESERVE_BELOW_START on value)', () => {
    expect(() => validateProposal(m('12000000.00'), m('12000000.00'), SEALING, BEFORE)).not.toThrow();
    expect(errorOf(() => validateProposal(m('11999999.99'), m('12000000.00'), SEALING, BEFORE))).toMatchObject({
      code: 'RESERVE_BELOW_START',
      field: 'value',
    });
  });

  it('proposals close at the sealing moment (RESERVE_SEALING_CLOSED at and after it)', () => {
    expect(errorOf(() => validateProposal(m('13000000.00'), m('12000000.00'), SEALING, SEALING)).code).toBe('RESERVE_SEALING_CLOSED');
    expect(errorOf(() => validateProposal(m('13000000.00'), m('12000000.00'), SEALING, new Date(SEALING.getTime() + 1))).code).toBe(
      'RESERVE_SEALING_CLOSED',
    );
  });

  const context: ProposalContext = { committee: ['a', 'b', 'c'], startPrice: m('12000000.00'), sealingMoment: SEALING, now: BEFORE };

  it('each committee member submits once (DUPLICATE_PROPOSAL); a submitted value cannot be replaced', () => {
    const one = acceptProposal([], { memberId: 'a', value: m('12500000.00') }, context);
    expect(one).toHaveLength(1);
    expect(errorOf(() => acceptProposal(one, { memberId: 'a', value: m('12600000.00') }, context))).toMatchObject({
      code: 'DUPLICATE_PROPOSAL',
      field: 'memberId',
    });
  });

  it('only committee members propose, and nothing changes after sealing', () => {
    expect(errorOf(() => acceptProposal([], { memberId: 'z', value: m('12500000.00') }, context)).code).toBe('NOT_COMMITTEE_MEMBER');
    expect(errorOf(() => acceptProposal([], { memberId: 'a', value: m('12500000.00') }, { ...context, sealed: true })).code).toBe(
      'RESERVE_ALREADY_SEALED',
    );
  });

  it('a committee has at least 3 distinct members by default (a setting)', () => {
    expect(() => checkCommittee(['a', 'b', 'c'])).not.toThrow();
    expect(errorOf(() => checkCommittee(['a', 'b']))).toMatchObject({ code: 'COMMITTEE_TOO_SMALL', details: { required: 3, given: 2 } });
    expect(() => checkCommittee(['a', 'b'], { minCommitteeSize: 2 })).not.toThrow();
    expect(errorOf(() => checkCommittee(['a', 'b', 'a'])).code).toBe('DUPLICATE_COMMITTEE_MEMBER');
  });

  it('sealing needs one proposal from every member and none from anyone else', () => {
    const p = (memberId: string): ReserveProposal => ({ memberId, value: m('12500000.00') });
    expect(() => checkProposalsComplete(['a', 'b', 'c'], [p('a'), p('b'), p('c')])).not.toThrow();
    expect(errorOf(() => checkProposalsComplete(['a', 'b', 'c'], [p('a')]))).toMatchObject({
      code: 'PROPOSALS_INCOMPLETE',
      details: { missing: ['b', 'c'] },
    });
    expect(errorOf(() => checkProposalsComplete(['a', 'b', 'c'], [p('a'), p('a'), p('b'), p('c')])).code).toBe('DUPLICATE_PROPOSAL');
    expect(errorOf(() => checkProposalsComplete(['a', 'b', 'c'], [p('a'), p('b'), p('c'), p('x')])).code).toBe('NOT_COMMITTEE_MEMBER');
  });
});

describe('computeReserve', () => {
  const start = m('12000000.00');
  const unit = m('10000.00');

  it('is the average rounded half up to the rounding unit: average 12,345,678.90 → 12,350,000.00', () => {
    const proposals = [m('12000000.00'), m('12500000.00'), m('12537036.70')]; // sum 37,037,036.70, average 12,345,678.90
    expect(computeReserve(proposals, unit, start).toString()).toBe('12350000.00');
  });

  it('rounds a half unit up and anything less down', () => {
    expect(computeReserve([m('12345000.00')], unit, start).toString()).toBe('12350000.00');
    expect(computeReserve([m('12344999.99')], unit, start).toString()).toBe('12340000.00');
    expect(computeReserve([m('1000.00'), m('1001.00')], m('1.00'), m('1000.00')).toString()).toBe('1001.00');
  });

  it('rounds the exact average, never an average first rounded to the fen (no double rounding)', () => {
    // Average 12,344,999.995: rounding to the fen first would give 12,345,000.00 and then 12,350,000.00.
    expect(computeReserve([m('12344999.99'), m('12345000.00')], unit, start).toString()).toBe('12340000.00');
  });

  it('never falls below the start price: it rounds up to the next unit ≥ start instead', () => {
    const s = m('12341000.00');
    expect(computeReserve([m('12341000.00'), m('12343000.00')], unit, s).toString()).toBe('12350000.00');
    expect(computeReserve([m('12340000.00')], unit, m('12340000.00')).toString()).toBe('12340000.00');
  });

  it('refuses no proposals, a zero unit and proposals below the start price', () => {
    expect(errorOf(() => computeReserve([], unit, start)).code).toBe('NO_PROPOSALS');
    expect(errorOf(() => computeReserve([start], m('0.00'), start))).toMatchObject({ code: 'INVALID_ROUNDING_UNIT', field: 'roundingUnit' });
    expect(errorOf(() => computeReserve([start, m('1.00')], unit, start))).toMatchObject({ code: 'RESERVE_BELOW_START', field: 'proposals[1]' });
  });

  it('is always a multiple of the unit, ≥ start, within half a unit of the average unless lifted to the start (property)', () => {
    const unitArb = fc.constantFrom('0.01', '1.00', '100.00', '10000.00', '50000.00', '0.50').map((u) => m(u));
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 13n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 9 }),
        unitArb,
        (startFen, extras, roundingUnit) => {
          const startPrice = Money.fromFen(startFen);
          const proposals = extras.map((x) => Money.fromFen(startFen + x));
          const reserve = computeReserve(proposals, roundingUnit, startPrice);
          const u = roundingUnit.toFen();
          const r = reserve.toFen();
          expect(r % u).toBe(0n);
          expect(r >= startFen).toBe(true);
          const n = BigInt(proposals.length);
          const sum = proposals.reduce((acc, p) => acc + p.toFen(), 0n);
          // |r − sum/n| ≤ u/2  ⇔  |2·n·r − 2·sum| ≤ n·u
          const diff = 2n * n * r - 2n * sum;
          const lifted = r - startFen < u && 2n * n * r > 2n * sum + n * u;
          expect(lifted || (diff <= n * u && -diff <= n * u)).toBe(true);
          // order of the proposals does not matter
          expect(computeReserve([...proposals].reverse(), roundingUnit, startPrice).eq(reserve)).toBe(true);
        },
      ),
    );
  });
});

describe('meetsReserve', () => {
  it('a price equal to the reserve meets it (≥, never >)', () => {
    expect(meetsReserve(m('12350000.00'), m('12350000.00'))).toBe(true);
    expect(meetsReserve(m('12349999.99'), m('12350000.00'))).toBe(false);
  });
});

describe('reserve commitment', () => {
  it('the canonical form is land-reserve-v1|<lotId>|<value, 2 places>|<salt, 64 hex>', () => {
    expect(reserveCanonicalForm('lot-42', m('12350000.00'), ZERO_SALT)).toBe(`land-reserve-v1|lot-42|12350000.00|${'0'.repeat(64)}`);
    expect(parseReserveCanonical(`land-reserve-v1|lot-42|12350000.00|${'0'.repeat(64)}`)).toEqual({
      lotId: 'lot-42',
      value: m('12350000.00'),
      saltHex: '0'.repeat(64),
    });
  });

  it('the commitment is the hex SHA-256 of the canonical string', () => {
    const { commitment, canonical } = commitReserve('lot-42', m('12350000.00'), ZERO_SALT);
    expect(commitment).toBe(createHash('sha256').update(canonical, 'utf8').digest('hex'));
    expect(commitment).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a lot id that could forge the separator, a salt that is not 32 bytes and a non-positive value', () => {
    expect(errorOf(() => commitReserve('lot|1', m('1.00'), ZERO_SALT)).code).toBe('INVALID_LOT_ID');
    expect(errorOf(() => commitReserve('', m('1.00'), ZERO_SALT)).code).toBe('INVALID_LOT_ID');
    expect(errorOf(() => commitReserve('lot-1', m('1.00'), Buffer.alloc(16))).code).toBe('INVALID_SALT');
    expect(errorOf(() => commitReserve('lot-1', m('0.00'), ZERO_SALT)).code).toBe('INVALID_RESERVE_VALUE');
  });

  it('verifies for the committed lot, value and salt', () => {
    const salt = randomBytes(32);
    const { commitment } = commitReserve('lot-42', m('12350000.00'), salt);
    expect(verifyReserveCommitment('lot-42', '12350000.00', salt.toString('hex'), commitment)).toBe(true);
    expect(verifyReserveCommitment('lot-42', '12350000', salt.toString('hex'), commitment)).toBe(true); // the same amount
    expect(verifyReserveCommitment('lot-42', '12350000.00', salt.toString('hex').toUpperCase(), commitment.toUpperCase())).toBe(true);
  });

  it('answers false, never throws, for malformed input', () => {
    const { commitment } = commitReserve('lot-42', m('12350000.00'), ZERO_SALT);
    const salt = '0'.repeat(64);
    expect(verifyReserveCommitment('lot-42', 'abc', salt, commitment)).toBe(false);
    expect(verifyReserveCommitment('lot-42', '12350000.00', 'zz', commitment)).toBe(false);
    expect(verifyReserveCommitment('lot-42', '12350000.00', salt, 'deadbeef')).toBe(false);
    expect(verifyReserveCommitment('lot|42', '12350000.00', salt, commitment)).toBe(false);
  });

  it('verifies for the right value and fails for any other value, lot or salt (property)', () => {
    const lotArb = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,20}$/);
    const fenArb = fc.bigInt({ min: 1n, max: 10n ** 16n - 1n });
    fc.assert(
      fc.property(
        lotArb,
        lotArb,
        fenArb,
        fenArb,
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        (lot, otherLot, fen, otherFen, saltBytes, otherSaltBytes) => {
          const salt = Buffer.from(saltBytes);
          const value = Money.fromFen(fen);
          const { commitment } = commitReserve(lot, value, salt);
          const saltHex = salt.toString('hex');
          expect(verifyReserveCommitment(lot, value.toString(), saltHex, commitment)).toBe(true);
          if (otherFen !== fen) {
            expect(verifyReserveCommitment(lot, Money.fromFen(otherFen).toString(), saltHex, commitment)).toBe(false);
          }
          if (otherLot !== lot) expect(verifyReserveCommitment(otherLot, value.toString(), saltHex, commitment)).toBe(false);
          const otherSalt = Buffer.from(otherSaltBytes);
          if (!otherSalt.equals(salt)) {
            expect(verifyReserveCommitment(lot, value.toString(), otherSalt.toString('hex'), commitment)).toBe(false);
          }
        },
      ),
    );
  });
});

describe('encryption at rest (AES-256-GCM)', () => {
  it('opens what it sealed for the same lot and key', () => {
    const sealed = sealReserveValue('lot-42', '12350000.00', KEY);
    expect(openReserveValue('lot-42', sealed, KEY)).toBe('12350000.00');
    expect(Buffer.from(sealed.iv, 'base64')).toHaveLength(12);
    expect(Buffer.from(sealed.tag, 'base64')).toHaveLength(16);
  });

  it('never shows the plaintext, and two seals of one value differ (fresh IV)', () => {
    const a = sealReserveValue('lot-42', '12350000.00', KEY);
    const b = sealReserveValue('lot-42', '12350000.00', KEY);
    expect(JSON.stringify(a)).not.toContain('12350000');
    expect(a.ciphertext === b.ciphertext && a.iv === b.iv).toBe(false);
  });

  it('binds the lot id: a ciphertext moved to another lot fails to open', () => {
    const sealed = sealReserveValue('lot-42', '12350000.00', KEY);
    expect(errorOf(() => openReserveValue('lot-43', sealed, KEY)).code).toBe('RESERVE_DECRYPTION_FAILED');
  });

  it('fails on a wrong key or any tampering', () => {
    const sealed = sealReserveValue('lot-42', '12350000.00', KEY);
    expect(errorOf(() => openReserveValue('lot-42', sealed, Buffer.alloc(32, 8))).code).toBe('RESERVE_DECRYPTION_FAILED');
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    bytes[0] ^= 1;
    expect(errorOf(() => openReserveValue('lot-42', { ...sealed, ciphertext: bytes.toString('base64') }, KEY)).code).toBe(
      'RESERVE_DECRYPTION_FAILED',
    );
    expect(errorOf(() => openReserveValue('lot-42', { ...sealed, tag: Buffer.alloc(16).toString('base64') }, KEY)).code).toBe(
      'RESERVE_DECRYPTION_FAILED',
    );
    expect(errorOf(() => openReserveValue('lot-42', { ...sealed, iv: 'AAAA' }, KEY)).code).toBe('RESERVE_DECRYPTION_FAILED');
  });

  it('needs a 32-byte key', () => {
    expect(errorOf(() => sealReserveValue('lot-42', 'x', Buffer.alloc(16))).code).toBe('INVALID_KEY');
  });
});

describe('sealReserve and revealReserve', () => {
  const proposals: ReserveProposal[] = [
    { memberId: 'a', value: m('12000000.00') },
    { memberId: 'b', value: m('12500000.00') },
    { memberId: 'c', value: m('12537036.70') },
  ];

  it('seals the average, publishes only the commitment, and the revealed value and salt verify against it', () => {
    const salt = randomBytes(32);
    const sealed = sealReserve({
      lotId: 'lot-42',
      committee: ['a', 'b', 'c'],
      proposals,
      startPrice: m('12000000.00'),
      roundingUnit: m('10000.00'),
      salt,
      key: KEY,
    });
    expect(sealed.value.toString()).toBe('12350000.00');
    const stored = JSON.stringify({ commitment: sealed.commitment, sealed: sealed.sealed });
    expect(stored).not.toContain('12350000');
    expect(stored).not.toContain(salt.toString('hex'));
    const revealed = revealReserve('lot-42', sealed.sealed, KEY);
    expect(revealed.value.toString()).toBe('12350000.00');
    expect(revealed.saltHex).toBe(salt.toString('hex'));
    expect(revealed.commitment).toBe(sealed.commitment);
    expect(verifyReserveCommitment('lot-42', revealed.value.toString(), revealed.saltHex, sealed.commitment)).toBe(true);
  });

  it('refuses to seal before every member has proposed', () => {
    const input = {
      lotId: 'lot-42',
      committee: ['a', 'b', 'c', 'd'],
      proposals,
      startPrice: m('12000000.00'),
      roundingUnit: m('10000.00'),
      salt: ZERO_SALT,
      key: KEY,
    };
    expect(errorOf(() => sealReserve(input)).code).toBe('PROPOSALS_INCOMPLETE');
  });

  it('a sealed reserve of one lot cannot be revealed as another lot\'s', () => {
    const sealed = sealReserve({
      lotId: 'lot-42',
      committee: ['a', 'b', 'c'],
      proposals,
      startPrice: m('12000000.00'),
      roundingUnit: m('10000.00'),
      salt: ZERO_SALT,
      key: KEY,
    });
    expect(errorOf(() => revealReserve('lot-43', sealed.sealed, KEY)).code).toBe('RESERVE_DECRYPTION_FAILED');
  });
});
