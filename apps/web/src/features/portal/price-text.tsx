import { useTranslation } from 'react-i18next';
import { MoneyText } from '@web/components/money-text';
import { formatYuanAmount } from '@web/lib/money';
import type { PublicLot } from './api';

type PriceUnit = PublicLot['terms']['priceUnit'];

/** A price in the lot's unit: a total in 元 (with 万元), or a unit price in 元/㎡ or 元/建筑㎡. */
export function PriceText({ amount, unit, className }: { amount: string; unit: PriceUnit; className?: string }) {
  const { t } = useTranslation();
  if (unit === 'total') return <MoneyText amount={amount} className={className} />;
  return (
    <span className={className}>
      {formatYuanAmount(amount)} {t(`features.portal.lot.unitSuffix.${unit}`)}
    </span>
  );
}
