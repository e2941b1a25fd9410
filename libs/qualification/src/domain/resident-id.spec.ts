import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import { maskResidentId, PROVINCE_CODES, residentIdBirthDate, residentIdCheckDigit, validateResidentId } from './resident-id';

const TODAY = '2025-10-14';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

/** A valid number for test data: the first 17 digits and their check digit. */
function withCheck(first17: string): string {
  return first17 + residentIdCheckDigit(first17);
}

describe('residentIdCheckDigit (GB 11643 / ISO 7064 MOD 11-2)', () => {
  it('gives X for the example of the standard, 11010519491231002X', () => {
    // 1×7 + 1×9 + 0×10 + 1×5 + 0×8 + 5×4 + 1×2 + 9×1 + 4×6 + 9×3 + 1×7 + 2×9 + 3×10 + 1×5 + 0×8
    // + 0×4 + 2×2 = 167; 167 mod 11 = 2; "10X98765432"[2] = "X"
    expect(residentIdCheckDigit('11010519491231002')).toBe('X');
    expect(validateResidentId('11010519491231002X', 'idNumber', TODAY)).toBe('11010519491231002X');
  });

  it('gives a digit for other sums: 44030019900101001 → 6 (Σ = 160, 160 mod 11 = 6)', () => {
    expect(residentIdCheckDigit('44030019900101001')).toBe('6');
  });

  it('refuses to compute over anything but 17 digits', () => {
    expect(errorOf(() => residentIdCheckDigit('1101051949123100')).code).toBe('RESIDENT_ID_FORMAT');
    expect(errorOf(() => residentIdCheckDigit('1101051949123100X')).code).toBe('RESIDENT_ID_FORMAT');
  });

  it('any single changed digit is caught by the check digit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const valid = '11010519491231002X';
        const changed = `${valid.slice(0, position)}${(Number(valid[position]) + delta) % 10}${valid.slice(position + 1)}`;
        expect(residentIdCheckDigit(changed.slice(0, 17))).not.toBe('X');
      }),
    );
  });
});

describe('validateResidentId', () => {
  it('normalizes a lowercase x, whitespace and full-width digits', () => {
    expect(validateResidentId(' 11010519491231002x ', 'idNumber', TODAY)).toBe('11010519491231002X');
    expect(validateResidentId('１１０１０５１９４９１２３１００２Ｘ', 'idNumber', TODAY)).toBe('11010519491231002X');
  });

  it('refuses a wrong check digit with RESIDENT_ID_CHECK_DIGIT and gives the expected one', () => {
    const e = errorOf(() => validateResidentId('110105194912310021', 'idNumber', TODAY));
    expect(e).toMatchObject({ code: 'RESIDENT_ID_CHECK_DIGIT', field: 'idNumber', details: { expected: 'X', actual: '1' } });
    expect(e.message).toContain('should be "X"');
  });

  it('names the given field, and the default field when undefined is passed', () => {
    expect(errorOf(() => validateResidentId('110105194912310021', 'partners[0].idNumber', TODAY)).field).toBe('partners[0].idNumber');
    expect(errorOf(() => validateResidentId('110105194912310021', undefined, TODAY)).field).toBe('idNumber');
  });

  it.each([
    ['1101051949123100', 'too short'],
    ['11010519491231002XX', 'too long'],
    ['1101051949123100X2', 'X not last'],
    ['11010519491231002Y', 'a letter other than X'],
    ['110105-19491231002', 'a hyphen'],
  ])('refuses %s (%s) with RESIDENT_ID_FORMAT', (value) => {
    expect(errorOf(() => validateResidentId(value, 'idNumber', TODAY)).code).toBe('RESIDENT_ID_FORMAT');
  });

  it('refuses a 15-digit first-generation number saying the 18-character number is required', () => {
    const e = errorOf(() => validateResidentId('110105491231002', 'idNumber', TODAY));
    expect(e.code).toBe('RESIDENT_ID_FORMAT');
    expect(e.message).toContain('15-digit first-generation');
  });

  it('refuses a JSON number (it cannot carry X and loses digits)', () => {
    expect(errorOf(() => validateResidentId(110105194912310020, 'idNumber', TODAY)).code).toBe('RESIDENT_ID_FORMAT');
  });

  it.each(['00', '10', '16', '20', '24', '30', '38', '40', '47', '49', '55', '60', '66', '70', '72', '80', '83', '90', '99'])(
    'refuses the non-province code %s with RESIDENT_ID_REGION',
    (province) => {
      const e = errorOf(() => validateResidentId(withCheck(`${province}010519491231002`), 'idNumber', TODAY));
      expect(e).toMatchObject({ code: 'RESIDENT_ID_REGION', details: { province } });
    },
  );

  it('accepts every province code 11–15, 21–23, 31–37, 41–46, 50–54, 61–65, 71, 81, 82', () => {
    expect(PROVINCE_CODES.size).toBe(34);
    for (const province of PROVINCE_CODES) {
      const id = withCheck(`${province}010519800101001`);
      expect(validateResidentId(id, 'idNumber', TODAY)).toBe(id);
    }
  });

  it.each([
    ['19900230', 'February 30th'],
    ['19900229', 'February 29th of a non-leap year'],
    ['19001301', 'month 13'],
    ['19900100', 'day 0'],
    ['19900431', 'April 31st'],
  ])('refuses the impossible birth date %s (%s) with RESIDENT_ID_BIRTH_DATE', (date) => {
    const e = errorOf(() => validateResidentId(withCheck(`370783${date}123`), 'idNumber', TODAY));
    expect(e.code).toBe('RESIDENT_ID_BIRTH_DATE');
    expect(e.message).toContain('not a real date');
  });

  it('accepts February 29th of a leap year, 2000 included', () => {
    expect(validateResidentId(withCheck('11010520000229001'), 'idNumber', TODAY)).toBe('110105200002290013');
  });

  it('refuses a birth date after today and accepts one on today', () => {
    const future = errorOf(() => validateResidentId(withCheck('37078320251015123'), 'idNumber', TODAY));
    expect(future).toMatchObject({ code: 'RESIDENT_ID_BIRTH_DATE', details: { birthDate: '2025-10-15' } });
    expect(future.message).toContain('in the future');
    expect(validateResidentId(withCheck('37078320251014123'), 'idNumber', TODAY)).toHaveLength(18);
  });

  it('refuses a birth date before 1900 and accepts 1900-01-01', () => {
    expect(errorOf(() => validateResidentId(withCheck('11010518991231001'), 'idNumber', TODAY)).message).toContain('before 1900');
    expect(validateResidentId(withCheck('11010519000101001'), 'idNumber', TODAY)).toBe('11010519000101001X');
  });

  it('reports the region, then the birth date, before the check digit (the more precise message wins)', () => {
    expect(errorOf(() => validateResidentId('990105194912310021', 'idNumber', TODAY)).code).toBe('RESIDENT_ID_REGION');
    expect(errorOf(() => validateResidentId('110105209912310021', 'idNumber', TODAY)).code).toBe('RESIDENT_ID_BIRTH_DATE');
  });

  it('takes today from the caller: a malformed today is a programming error', () => {
    expect(() => validateResidentId('11010519491231002X', 'idNumber', '14/10/2025')).toThrow(RangeError);
    expect(() => validateResidentId('11010519491231002X', 'idNumber', '2025-02-30')).toThrow(RangeError);
  });

  it('residentIdBirthDate reads positions 7–14', () => {
    expect(residentIdBirthDate('11010519491231002X')).toBe('1949-12-31');
  });
});

describe('maskResidentId', () => {
  it('keeps the first 6 and last 4 characters: 370783********123X', () => {
    expect(validateResidentId('37078319900309123X', 'idNumber', TODAY)).toBe('37078319900309123X');
    expect(maskResidentId('37078319900309123X')).toBe('370783********123X');
  });

  it('never reveals the birth date', () => {
    expect(maskResidentId('11010519491231002X')).not.toContain('1949');
  });
});
