import { useTranslation } from 'react-i18next';
import { formatWanAmount, formatYuanAmount, toChineseCapital } from '@web/lib/money';

/** An amount in 元 with its 万元 figure (and, on request, 大写). The string is never made a number. */
export function MoneyText({ amount, capital = false, className }: { amount: string; capital?: boolean; className?: string }) {
  const { t } = useTranslation();
  return (
    <span className={className}>
      <span className="money-yuan">
        {formatYuanAmount(amount)}
        <span className="money-unit"> {t('common.yuan')}</span>
      </span>
      <span className="money-wan">
        {' '}
        （{formatWanAmount(amount)} {t('common.wanYuan')}）
      </span>
      {capital ? <span className="money-capital">{toChineseCapital(amount)}</span> : null}
    </span>
  );
}
