import { buildMessage, ValidateBy, type ValidationOptions } from 'class-validator';

const PAD = 0x3d; // '='

function isBase64Letter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2f;
}

/**
 * Standard padded base64 (RFC 4648 §4), checked in one pass over the characters. class-validator's
 * IsBase64 (validator.js) matches a backtracking pattern whose depth grows with the input, and on an
 * upload of a few MB it can overflow the regexp stack: a RangeError, so a 500 instead of an answer.
 */
export function isPaddedBase64(value: unknown): boolean {
  if (typeof value !== 'string' || value.length % 4 !== 0) return false;
  const end = value.length;
  let padding = 0;
  for (let i = 0; i < end; i++) {
    const c = value.charCodeAt(i);
    if (c === PAD) {
      // Padding only in the last two places, and nothing after it but more padding.
      if (i < end - 2) return false;
      padding++;
    } else if (padding > 0 || !isBase64Letter(c)) {
      return false;
    }
  }
  return true;
}

/** The property is padded base64 text (the constraint keeps class-validator's name, `isBase64`). */
export function IsBase64Text(validationOptions?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isBase64',
      validator: {
        validate: (value: unknown) => isPaddedBase64(value),
        defaultMessage: buildMessage((eachPrefix) => `${eachPrefix}$property must be base64 encoded`, validationOptions),
      },
    },
    validationOptions,
  );
}
