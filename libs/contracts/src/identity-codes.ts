/**
 * The check algorithms of the two identity codes a bidder registers with, as pure functions shared by
 * the server (libs/qualification/src/domain re-exports them and throws its coded errors around them)
 * and the browser (the registration form checks the 18th character while the user types). No Node
 * imports: this file is bundled into apps/web.
 *
 * - 统一社会信用代码 (GB 32100-2015): 18 characters of {@link USCC_ALPHABET}; weights
 *   Wᵢ = 3^(i−1) mod 31 over positions 1–17, C18 = 31 − (Σ value × W mod 31), 31 → 0. Positions 9–17
 *   embed a GB 11714 organization code with its own check character (weights 3 7 9 10 5 8 4 2, letters
 *   A = 10 … Z = 35, C9 = 11 − (Σ mod 11), 10 → X, 11 → 0).
 * - 公民身份号码 (GB 11643-1999): 17 digits and a check character, ISO 7064 MOD 11-2:
 *   "10X98765432"[Σ dᵢ × Wᵢ mod 11] with W = 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2.
 */

export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const USCC_LENGTH = 18;
export const USCC_WEIGHTS: readonly number[] = Object.freeze([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
export const ORGANIZATION_CODE_WEIGHTS: readonly number[] = Object.freeze([3, 7, 9, 10, 5, 8, 4, 2]);

export const RESIDENT_ID_LENGTH = 18;
export const RESIDENT_ID_WEIGHTS: readonly number[] = Object.freeze([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]);
const RESIDENT_ID_CHECK_DIGITS = '10X98765432';

/** First two digits of the first-level administrative divisions (GB/T 2260). */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  ...range(11, 15),
  ...range(21, 23),
  ...range(31, 37),
  ...range(41, 46),
  ...range(50, 54),
  ...range(61, 65),
  '71',
  '81',
  '82',
]);

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i));
}

/** How both codes are read: trimmed, NFKC-normalised (full-width characters of a Chinese input method), upper-cased. */
export function normalizeIdentityCode(value: string): string {
  return value.normalize('NFKC').trim().toUpperCase();
}

/** The positions (1-based) and characters outside the credit code alphabet. */
export function usccForeignCharacters(text: string): { position: number; character: string }[] {
  const out: { position: number; character: string }[] = [];
  Array.from(text).forEach((character, index) => {
    if (!USCC_ALPHABET.includes(character) || character.length !== 1) out.push({ position: index + 1, character });
  });
  return out;
}

/** The GB 32100 check character of 17 characters of {@link USCC_ALPHABET}; null for anything else. */
export function computeUsccCheckCharacter(first17: string): string | null {
  if (typeof first17 !== 'string' || first17.length !== USCC_LENGTH - 1 || usccForeignCharacters(first17).length > 0) return null;
  let sum = 0;
  for (let i = 0; i < USCC_LENGTH - 1; i++) sum += USCC_ALPHABET.indexOf(first17[i]) * USCC_WEIGHTS[i];
  const c = 31 - (sum % 31);
  return USCC_ALPHABET[c === 31 ? 0 : c];
}

/** GB 11714 value of one character: digits 0–9, letters A = 10 … Z = 35. */
function organizationCodeValue(character: string): number {
  const code = character.charCodeAt(0);
  return code <= 57 ? code - 48 : code - 55;
}

/** The GB 11714 check character of the first 8 characters of an organization code; null unless 8 digits or capital letters. */
export function computeOrganizationCodeCheckCharacter(first8: string): string | null {
  if (typeof first8 !== 'string' || !/^[0-9A-Z]{8}$/.test(first8)) return null;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += organizationCodeValue(first8[i]) * ORGANIZATION_CODE_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** The GB 11643 check character ('0'–'9' or 'X') of 17 digits; null for anything else. */
export function computeResidentIdCheckDigit(first17: string): string | null {
  if (typeof first17 !== 'string' || !/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * RESIDENT_ID_WEIGHTS[i];
  return RESIDENT_ID_CHECK_DIGITS[sum % 11];
}

/**
 * What a form can say about a code while it is being typed:
 * - `typing`: fewer than 18 characters, nothing wrong yet;
 * - `bad_character`: a character that cannot appear at its position (named, 1-based);
 * - `too_long`: more than 18 characters;
 * - `wrong_check`: 18 characters whose last is not the check character (`expected` is);
 * - `valid`: the check character is right.
 */
export type IdentityCodeHint =
  | { state: 'typing'; length: number }
  | { state: 'bad_character'; position: number; character: string }
  | { state: 'too_long'; length: number }
  | { state: 'wrong_check'; expected: string; actual: string }
  | { state: 'valid' };

/** The typing hint of a unified social credit code (the check character only: the server checks the rest). */
export function usccHint(value: string): IdentityCodeHint {
  const code = normalizeIdentityCode(value);
  const chars = Array.from(code);
  const foreign = usccForeignCharacters(code)[0];
  if (foreign) return { state: 'bad_character', ...foreign };
  if (chars.length > USCC_LENGTH) return { state: 'too_long', length: chars.length };
  if (chars.length < USCC_LENGTH) return { state: 'typing', length: chars.length };
  const expected = computeUsccCheckCharacter(code.slice(0, 17))!;
  return code[17] === expected ? { state: 'valid' } : { state: 'wrong_check', expected, actual: code[17] };
}

/** The typing hint of a resident ID number (17 digits, then a digit or X). */
export function residentIdHint(value: string): IdentityCodeHint {
  const id = normalizeIdentityCode(value);
  const chars = Array.from(id);
  const bad = chars.findIndex((c, i) => !(/\d/.test(c) || (i === RESIDENT_ID_LENGTH - 1 && c === 'X')));
  if (bad >= 0) return { state: 'bad_character', position: bad + 1, character: chars[bad] };
  if (chars.length > RESIDENT_ID_LENGTH) return { state: 'too_long', length: chars.length };
  if (chars.length < RESIDENT_ID_LENGTH) return { state: 'typing', length: chars.length };
  const expected = computeResidentIdCheckDigit(id.slice(0, 17))!;
  return id[17] === expected ? { state: 'valid' } : { state: 'wrong_check', expected, actual: id[17] };
}
