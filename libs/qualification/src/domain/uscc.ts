import { computeOrganizationCodeCheckCharacter, computeUsccCheckCharacter, normalizeIdentityCode, USCC_ALPHABET, USCC_LENGTH, usccForeignCharacters } from '@app/contracts/identity-codes';
import { DomainError } from '@app/common/domain-error';

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015) of a company or other organization.
 *
 *   9 1 350100 M000100Y4 3
 *   │ │ │      │         └ check character (position 18), GB 32100 mod 31
 *   │ │ │      └ organization code (positions 9–17): 8 characters + its own GB 11714 check character
 *   │ │ └ administrative division code (positions 3–8), 6 digits
 *   │ └ organization category (position 2)
 *   └ registration authority code (position 1)
 *
 * Every character comes from the 31-character alphabet {@link USCC_ALPHABET} (digits and the capital
 * letters without I, O, Z, S, V); a character's value is its index there (A = 10 … Y = 30).
 *
 * Check character (GB 32100 §5): weights Wᵢ = 3^(i−1) mod 31 for positions 1–17
 * (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28), C18 = 31 − (Σ value × W mod 31),
 * where 31 becomes 0.
 *
 * Embedded organization code (GB 11714-1997): weights 3, 7, 9, 10, 5, 8, 4, 2 over its first 8
 * characters, a letter counting as A = 10 … Z = 35 (GB 11714's own values, not the index in the USCC
 * alphabet), C9 = 11 − (Σ mod 11), where 10 becomes 'X' and 11 becomes '0'.
 *
 * Decisions:
 * - The GB 11714 check is **off by default** (`strictOrganizationCode`, and the setting
 *   `strictOrganizationCodeCheck`). Real, valid codes exist whose positions 9–17 are not a GB 11714
 *   organization code with a correct check character — e.g. codes of individual businesses
 *   (个体工商户, category "92") and some assigned by authorities that number their own registers — and
 *   refusing a registered bidder because of a check the issuing authority did not apply would be
 *   wrong. The GB 32100 check character covers all 17 positions anyway, so a typo is still caught.
 * - Input is trimmed, upper-cased and NFKC-normalised (so full-width "９１３５…" typed with a Chinese
 *   input method reads as "9135…"); nothing else is forgiven (no inner spaces or hyphens).
 * - Registration authority and category codes are not checked against a list: the lists grow
 *   (民政, 工会, 宗教, …) and the check character already catches typos.
 */

// The algorithms live in @app/contracts, shared with the browser's registration form; this module
// wraps them in the server's coded errors.
export { ORGANIZATION_CODE_WEIGHTS, USCC_ALPHABET, USCC_LENGTH, USCC_WEIGHTS } from '@app/contracts/identity-codes';

export interface UsccOptions {
  /** Also check the GB 11714 check character of positions 9–17 (default false; see the module notes). */
  readonly strictOrganizationCode?: boolean;
}

/** The parts of a valid code. */
export interface UsccParts {
  readonly registrationAuthority: string;
  readonly category: string;
  readonly divisionCode: string;
  /** 9 characters, its GB 11714 check character last. */
  readonly organizationCode: string;
  readonly checkCharacter: string;
}

const FORBIDDEN_HINT = 'digits and capital letters except I, O, Z, S and V';

function formatError(field: string, message: string, details?: Record<string, unknown>): DomainError {
  return new DomainError('USCC_FORMAT', `${field} ${message}`, field, details);
}

const normalize = normalizeIdentityCode;
const foreignCharacters = usccForeignCharacters;

/**
 * The GB 32100 check character of the first 17 characters (upper-case, from {@link USCC_ALPHABET}).
 * Throws `USCC_FORMAT` for anything else. Used by the validator and to make test data.
 */
export function usccCheckCharacter(first17: string): string {
  const check = computeUsccCheckCharacter(first17);
  if (check === null) throw new DomainError('USCC_FORMAT', `the check character is computed over 17 characters of ${USCC_ALPHABET}`);
  return check;
}

/**
 * The GB 11714 check character of the first 8 characters of an organization code (digits and capital
 * letters): `C9 = 11 − (Σ value × weight mod 11)`, 10 → 'X', 11 → '0'.
 */
export function organizationCodeCheckCharacter(first8: string): string {
  const check = computeOrganizationCodeCheckCharacter(first8);
  if (check === null) throw new DomainError('USCC_FORMAT', 'the organization code check character is computed over 8 digits or capital letters');
  return check;
}

/**
 * The normalised code (trimmed, upper-case), or a DomainError naming `field`:
 * - `USCC_FORMAT`: not a string, not 18 characters, a character outside the alphabet (the message
 *   names its position, e.g. the letter O typed for the digit 0), or positions 3–8 not digits;
 * - `USCC_CHECK_CHARACTER`: the 18th character is not the GB 32100 check character (the message and
 *   `details.expected` give the right one);
 * - `USCC_ORG_CODE_CHECK`: only with `strictOrganizationCode`, positions 9–17 fail GB 11714.
 */
export function validateUscc(value: unknown, field = 'creditCode', opts: UsccOptions = {}): string {
  if (typeof value !== 'string') {
    throw formatError(field, `must be a string of ${USCC_LENGTH} characters`);
  }
  const code = normalize(value);
  const length = Array.from(code).length;
  if (length !== USCC_LENGTH) {
    throw formatError(field, `must have ${USCC_LENGTH} characters, got ${length}`, { length });
  }
  const foreign = foreignCharacters(code);
  if (foreign.length > 0) {
    const list = foreign.map((f) => `"${f.character}" at position ${f.position}`).join(', ');
    throw formatError(field, `may only contain ${FORBIDDEN_HINT}; found ${list}`, { characters: foreign });
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    throw formatError(field, 'must have the 6-digit administrative division code at positions 3–8', {
      divisionCode: code.slice(2, 8),
    });
  }
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) {
    throw new DomainError(
      'USCC_CHECK_CHARACTER',
      `${field} has a wrong check character: the 18th character should be "${expected}", not "${code[17]}" — please check the code for a typo`,
      field,
      { expected, actual: code[17] },
    );
  }
  if (opts.strictOrganizationCode === true) {
    const expectedOrg = organizationCodeCheckCharacter(code.slice(8, 16));
    if (code[16] !== expectedOrg) {
      throw new DomainError(
        'USCC_ORG_CODE_CHECK',
        `${field} embeds an organization code (positions 9–17) whose GB 11714 check character should be "${expectedOrg}", not "${code[16]}"`,
        field,
        { expected: expectedOrg, actual: code[16] },
      );
    }
  }
  return code;
}

/** True when {@link validateUscc} accepts `value`. */
export function isValidUscc(value: unknown, opts: UsccOptions = {}): boolean {
  try {
    validateUscc(value, 'creditCode', opts);
    return true;
  } catch (e) {
    if (e instanceof DomainError) return false;
    throw e;
  }
}

/** The parts of a code (validated first, with `opts`). */
export function usccParts(value: unknown, field = 'creditCode', opts: UsccOptions = {}): UsccParts {
  const code = validateUscc(value, field, opts);
  return Object.freeze({
    registrationAuthority: code[0],
    category: code[1],
    divisionCode: code.slice(2, 8),
    organizationCode: code.slice(8, 17),
    checkCharacter: code[17],
  });
}

/**
 * For display: the first 6 and last 4 characters, the rest as `*` (`913501********0Y43`). Works on any
 * string: one of 10 characters or fewer is masked entirely.
 */
export function maskUscc(code: string): string {
  return maskMiddle(code, 6, 4);
}

/** Keeps `head` leading and `tail` trailing characters, stars in between; short input is all stars. */
export function maskMiddle(text: string, head: number, tail: number): string {
  const chars = Array.from(text);
  if (chars.length <= head + tail) return '*'.repeat(chars.length);
  return `${chars.slice(0, head).join('')}${'*'.repeat(chars.length - head - tail)}${chars.slice(chars.length - tail).join('')}`;
}
