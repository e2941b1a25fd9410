import { Button, Input, Space } from 'antd';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { addSteps, compareMoney, formatWanAmount, parseMoneyInput, toChineseCapital } from '@web/lib/money';

export interface MoneyInputProps {
  /** What the person typed (a string: an amount is never a JS number). */
  value: string;
  onChange: (text: string) => void;
  /** Accessible name, e.g. "报价（元）". */
  label: string;
  /** Lowest acceptable amount, as a decimal string. */
  min?: string;
  /** When set, stepper buttons add this increment to the value (or to `min` when empty). */
  step?: string;
  /** Step counts offered as buttons besides +1 (e.g. [2, 5]). */
  steps?: readonly number[];
  /** A message from the server for this field, shown instead of the local check. */
  serverError?: string;
  disabled?: boolean;
  id?: string;
  onPressEnter?: () => void;
}

/** The message for a local parse failure, in the UI language. */
export function useMoneyError() {
  const { t } = useTranslation();
  return (text: string, min?: string): string | null => {
    const parsed = parseMoneyInput(text);
    if (!parsed.ok) {
      switch (parsed.code) {
        case 'REQUIRED':
          return t('money.required');
        case 'TOO_MANY_DECIMAL_PLACES':
          return t('money.tooManyPlaces');
        case 'NEGATIVE_NOT_ALLOWED':
          return t('money.negative');
        case 'OUT_OF_RANGE':
          return t('money.outOfRange');
        default:
          return t('money.invalid');
      }
    }
    if (min && compareMoney(parsed.value, min) < 0) return t('money.belowMin', { min });
    return null;
  };
}

/**
 * The one money input: parses with decimal.js (libs/money's parser), shows the amount in 万元 and in
 * 大写 while typing, and offers steppers of whole increments. Its value stays a string throughout.
 */
export function MoneyInput({ value, onChange, label, min, step, steps = [], serverError, disabled, id, onPressEnter }: MoneyInputProps) {
  const { t } = useTranslation();
  const errorOf = useMoneyError();
  const generated = useId();
  const inputId = id ?? generated;
  const helpId = `${inputId}-help`;
  const parsed = parseMoneyInput(value);
  const localError = value.trim() === '' ? null : errorOf(value, min);
  const error = serverError ?? localError;
  const add = (n: number) => {
    const base = parsed.ok ? parsed.value : (min ?? '0.00');
    onChange(parsed.ok ? addSteps(base, step!, n) : base);
  };
  return (
    <div className="money-input">
      <Space.Compact block>
        <Input
          id={inputId}
          inputMode="decimal"
          autoComplete="off"
          aria-label={label}
          aria-describedby={helpId}
          aria-invalid={error ? true : undefined}
          status={error ? 'error' : undefined}
          value={value}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value)}
          onPressEnter={onPressEnter}
          suffix={t('common.yuan')}
        />
        {step ? (
          <Button disabled={disabled} onClick={() => add(1)} aria-label={`+1 ${t('money.addIncrement')}`}>
            +1
          </Button>
        ) : null}
        {step
          ? steps.map((n) => (
              <Button key={n} disabled={disabled} onClick={() => add(n)} aria-label={`+${n} ${t('money.addIncrements', { n })}`}>
                +{n}
              </Button>
            ))
          : null}
      </Space.Compact>
      <div id={helpId} className={error ? 'money-input-help money-input-error' : 'money-input-help'} aria-live="polite">
        {error ??
          (parsed.ok ? (
            <>
              <span>{t('money.wanLabel', { text: formatWanAmount(parsed.value) })}</span>
              <span> · </span>
              <span>{t('money.capitalLabel', { text: toChineseCapital(parsed.value) })}</span>
            </>
          ) : null)}
      </div>
    </div>
  );
}
