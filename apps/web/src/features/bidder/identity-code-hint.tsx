import { residentIdHint, usccHint, type IdentityCodeHint } from '@app/contracts';
import { useTranslation } from 'react-i18next';

export type CodeKind = 'uscc' | 'residentId';

/** The typing hint of either code (the same algorithms the server validates with, from @app/contracts). */
export function hintOf(kind: CodeKind, value: string | undefined): IdentityCodeHint | null {
  if (!value) return null;
  return kind === 'uscc' ? usccHint(value) : residentIdHint(value);
}

/** A credit code or a resident ID number, told apart by their characters (for a partner's code). */
export function guessKind(value: string | undefined): CodeKind {
  return value && /^\s*[0-9０-９]{17}[0-9０-９xXｘＸ]?\s*$/.test(value) ? 'residentId' : 'uscc';
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
export function useCodeRule(kind: CodeKind | ((value: string) => CodeKind)) {
  const { t } = useTranslation();
  return {
    validator: async (_: unknown, value: string | undefined) => {
      const hint = hintOf(typeof kind === 'function' ? kind(value ?? '') : kind, value);
      if (hint && hint.state !== 'valid' && hint.state !== 'typing') throw new Error(t(`features.bidder.register.hint.${hint.state}`, hint));
    },
  };
}
