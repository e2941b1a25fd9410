import fc from 'fast-check';
import { DomainError } from '@app/common/domain-error';
import {
  isValidUscc,
  maskMiddle,
  maskUscc,
  organizationCodeCheckCharacter,
  USCC_ALPHABET,
  usccCheckCharacter,
  usccParts,
  validateUscc,
} from './uscc';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('usccCheckCharacter (GB 32100 mod 31)', () => {
  it('gives "3" for 91350100M000100Y4 — the textbook example 91350100M000100Y43', () => {
    // Values (index in 0-9A…Y without I O Z S V) × weights 3^(i-1) mod 31:
    //   9×1 + 1×3 + 3×9 + 5×27 + 0×19 + 1×26 + 0×16 + 0×17 + M(21)×20 + 0×29 + 0×25 + 0×13
    //   + 1×8 + 0×24 + 0×10 + Y(30)×30 + 4×28
    //   = 9 + 3 + 27 + 135 + 26 + 420 + 8 + 900 + 112 = 1640;  1640 mod 31 = 28;  31 − 28 = 3.
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(validateUscc('91350100M000100Y43')).toBe('91350100M000100Y43');
  });

  it('maps 31 to "0" when the weighted sum is a multiple of 31', () => {
    // 9 + 3 + 27 + 135 + 26 + 2×30 + 4×28 = 372 = 12 × 31 → 31 − 0 = 31 → "0"
    expect(usccCheckCharacter('91350100000000024')).toBe('0');
    expect(validateUscc('913501000000000240')).toBe('913501000000000240');
  });

  it('uses letters of the alphabet for check values above 9 (Y = 30, G = 16, X = 29)', () => {
    expect(usccCheckCharacter('9144030071526726X')).toBe('G');
  });

  it('refuses to compute over anything but 17 characters of the alphabet', () => {
    expect(errorOf(() => usccCheckCharacter('91350100M000100Y')).code).toBe('USCC_FORMAT');
    expect(errorOf(() => usccCheckCharacter('91350100M000100O4')).code).toBe('USCC_FORMAT');
  });

  it('every 17-character prefix gets exactly one check character that validates', () => {
    const char = fc.constantFrom(...USCC_ALPHABET.split(''));
    const digit = fc.constantFrom(...'0123456789'.split(''));
    fc.assert(
      fc.property(
        fc.array(char, { minLength: 2, maxLength: 2 }),
        fc.array(digit, { minLength: 6, maxLength: 6 }),
        fc.array(char, { minLength: 9, maxLength: 9 }),
        (head, division, body) => {
          const first17 = [...head, ...division, ...body].join('');
          const check = usccCheckCharacter(first17);
          expect(validateUscc(first17 + check)).toBe(first17 + check);
          for (const other of USCC_ALPHABET) {
            if (other !== check) expect(isValidUscc(first17 + other)).toBe(false);
          }
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('validateUscc: real published codes', () => {
  // Codes printed on the business licences of large companies; each passes both the GB 32100 check
  // and the embedded GB 11714 check, which a random string does with probability 1/341.
  it.each([
    ['91350100M000100Y43', 'the GB 32100 textbook example'],
    ['914403001922038216', 'Huawei Technologies Co., Ltd. (华为技术有限公司)'],
    ['9144030071526726XG', 'Tencent Technology (Shenzhen) (腾讯科技（深圳）有限公司)'],
    ['91110000802100433B', 'Beijing Baidu Netcom (北京百度网讯科技有限公司)'],
    ['91110108551385082Q', 'Xiaomi Inc. (小米科技有限责任公司)'],
    ['91330100716105852F', 'Alibaba (China) (阿里巴巴（中国）有限公司)'],
    ['91310000MA1FL1MMXL', 'a Shanghai company registered after 2015 (MA… body with letters)'],
  ])('accepts %s (%s), also with the strict organization code check', (code) => {
    expect(validateUscc(code)).toBe(code);
    expect(validateUscc(code, 'creditCode', { strictOrganizationCode: true })).toBe(code);
  });
});

describe('validateUscc: wrong check character', () => {
  it('is USCC_CHECK_CHARACTER and the message gives the expected character', () => {
    const e = errorOf(() => validateUscc('91350100M000100Y44'));
    expect(e).toMatchObject({ code: 'USCC_CHECK_CHARACTER', field: 'creditCode', details: { expected: '3', actual: '4' } });
    expect(e.message).toContain('should be "3"');
  });

  it('catches two swapped neighbouring characters (a typical typo)', () => {
    expect(errorOf(() => validateUscc('91350100M000010Y43')).code).toBe('USCC_CHECK_CHARACTER');
    expect(errorOf(() => validateUscc('914403001922083216')).code).toBe('USCC_CHECK_CHARACTER');
  });

  it('names the given field', () => {
    expect(errorOf(() => validateUscc('91350100M000100Y44', 'partners[1].creditCode')).field).toBe('partners[1].creditCode');
  });
});

describe('validateUscc: format', () => {
  it('normalizes lowercase and surrounding whitespace', () => {
    expect(validateUscc('  9144030071526726xg ')).toBe('9144030071526726XG');
    expect(validateUscc('91350100m000100y43')).toBe('91350100M000100Y43');
  });

  it('reads full-width characters typed with a Chinese input method as ASCII', () => {
    expect(validateUscc('９１３５０１００Ｍ０００１００Ｙ４３')).toBe('91350100M000100Y43');
  });

  it('refuses a wrong length with USCC_FORMAT saying how many characters it got', () => {
    const e = errorOf(() => validateUscc('91350100M000100Y4'));
    expect(e).toMatchObject({ code: 'USCC_FORMAT', field: 'creditCode' });
    expect(e.message).toContain('18 characters, got 17');
    expect(errorOf(() => validateUscc('')).message).toContain('got 0');
    expect(errorOf(() => validateUscc('91350100M000100Y433')).code).toBe('USCC_FORMAT');
  });

  it.each(['I', 'O', 'Z', 'S', 'V'])('refuses the forbidden letter %s, naming its position', (letter) => {
    const code = `91350100M000100${letter}43`;
    const e = errorOf(() => validateUscc(code));
    expect(e.code).toBe('USCC_FORMAT');
    expect(e.message).toContain(`"${letter}" at position 16`);
  });

  it('refuses the letter O typed for the digit 0 even in lowercase', () => {
    expect(errorOf(() => validateUscc('91350100M0o0100Y43')).message).toContain('"O" at position 11');
  });

  it('refuses punctuation, inner spaces and non-ASCII characters', () => {
    for (const code of ['91350100-000100Y43', '91350100 000100Y43', '91350100M000100Y4中']) {
      expect(errorOf(() => validateUscc(code)).code).toBe('USCC_FORMAT');
    }
  });

  it('requires digits for the administrative division code at positions 3–8', () => {
    const first17 = '913A0100M000100Y4';
    const code = first17 + usccCheckCharacter(first17);
    const e = errorOf(() => validateUscc(code));
    expect(e.code).toBe('USCC_FORMAT');
    expect(e.message).toContain('positions 3–8');
  });

  it('refuses a value that is not a string (a JSON number loses the check character)', () => {
    expect(errorOf(() => validateUscc(91350100)).code).toBe('USCC_FORMAT');
    expect(errorOf(() => validateUscc(undefined)).code).toBe('USCC_FORMAT');
  });
});

describe('validateUscc: the embedded GB 11714 organization code', () => {
  // Built for the test: an individual business (category 92) whose positions 9–17 are not a GB 11714
  // code (L1234567 needs "4", it has "0"); its GB 32100 check character "L" is correct.
  const NON_STANDARD = '92350203L12345670L';

  it('organizationCodeCheckCharacter: M000100Y → 4 (M = 22, Y = 34 in GB 11714 values)', () => {
    // 22×3 + 0×7 + 0×9 + 0×10 + 1×5 + 0×8 + 0×4 + 34×2 = 139; 139 mod 11 = 7; 11 − 7 = 4
    expect(organizationCodeCheckCharacter('M000100Y')).toBe('4');
  });

  it('organizationCodeCheckCharacter maps 10 to "X" and 11 to "0"', () => {
    expect(organizationCodeCheckCharacter('MA000004')).toBe('X');
    expect(organizationCodeCheckCharacter('MA000009')).toBe('0');
    expect(organizationCodeCheckCharacter('19220382')).toBe('1');
  });

  it('is not checked by default, because real codes exist whose embedded part is not GB 11714', () => {
    expect(validateUscc(NON_STANDARD)).toBe(NON_STANDARD);
    expect(isValidUscc(NON_STANDARD)).toBe(true);
  });

  it('is USCC_ORG_CODE_CHECK with the expected character when the strict option is on', () => {
    const e = errorOf(() => validateUscc(NON_STANDARD, 'creditCode', { strictOrganizationCode: true }));
    expect(e).toMatchObject({ code: 'USCC_ORG_CODE_CHECK', details: { expected: '4', actual: '0' } });
    expect(e.message).toContain('should be "4"');
  });

  it('the GB 32100 check runs first: a code wrong in both is reported as USCC_CHECK_CHARACTER', () => {
    expect(errorOf(() => validateUscc('92350203L12345670M', 'creditCode', { strictOrganizationCode: true })).code).toBe(
      'USCC_CHECK_CHARACTER',
    );
  });
});

describe('usccParts and masking', () => {
  it('splits a valid code into its GB 32100 parts', () => {
    expect(usccParts('91350100m000100y43')).toEqual({
      registrationAuthority: '9',
      category: '1',
      divisionCode: '350100',
      organizationCode: 'M000100Y4',
      checkCharacter: '3',
    });
  });

  it('maskUscc keeps the first 6 and the last 4 characters for display', () => {
    expect(maskUscc('91350100M000100Y43')).toBe('913501********0Y43');
  });

  it('maskMiddle hides short input entirely rather than revealing all of it', () => {
    expect(maskMiddle('1234567890', 6, 4)).toBe('**********');
    expect(maskMiddle('', 6, 4)).toBe('');
    expect(maskMiddle('12345678901', 6, 4)).toBe('123456*8901');
  });
});
