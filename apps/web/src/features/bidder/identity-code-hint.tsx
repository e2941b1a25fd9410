import { normalizeIdentityCode, PROVINCE_CODES, residentIdHint, usccHint, type IdentityCodeHint } from '@app/contracts';
import { useTranslation } from 'react-i18next';

/** `either`: a joint-bid partner's code, which may be a credit code or a resident ID number. */
export type CodeKind = 'uscc' | 'residentId' | 'either';

/** The typing hint of a code (the same algorithms the server validates with, from @app/contracts). */
export function hintOf(kind: CodeKind, value: string | undefined): IdentityCodeHint | null {
  if (!value) return null;
  if (kind === 'uscc') return usccHint(value);
  if (kind === 'residentId') return residentIdHint(value);
  // A credit code may be all digits too: whichever check passes, the code is good; otherwise the
  // hint of the likelier kind (a resident ID starts with a province code and has no other letter than a final X).
  const asId = residentIdHint(value);
  const asUscc = usccHint(value);
  if (asId.state === 'valid' || asUscc.state === 'valid') return { state: 'valid' };
  const code = normalizeIdentityCode(value);
  return /^\d{17}[\dX]?$/.test(code) && PROVINCE_CODES.has(code.slice(0, 2)) ? asId : asUscc;
}

/**
 * What the 18th character should be, said while the user types: "校验位应为 X". Sits under the input
 * as the field's extra text, in a polite live region so a screen reader hears the verdict once the
 * code is complete.
 */
export function IdentityCodeHintText({ hint, id }: { hint: IdentityCodeHint | null; id?: string }) {
  const { t } = useTranslation();
  const text = hint === null ? '' : t(`features.bidder.register.hint.${hint.state}`, hint);
  const tone = hint?.state === 'valid' ? 'ok' : hint && hint.state !== 'typing' ? 'bad' : '';
  return (
    <span id={id} className={`code-hint ${tone}`} aria-live="polite" data-testid="code-hint">
      {text}
    </span>
  );
}

/** A validator for antd's Form: refuses what the hint already shows wrong (the server checks the rest). */
export function useCodeRule(kind: CodeKind) {
  const { t } = useTranslation();
  return {
    validator: async (_: unknown, value: string | undefined) => {
      const hint = hintOf(kind, value);
      if (hint && hint.state !== 'valid' && hint.state !== 'typing') throw new Error(t(`features.bidder.register.hint.${hint.state}`, hint));
    },
  };
}
