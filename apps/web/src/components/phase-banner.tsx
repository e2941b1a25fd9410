import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LotPhase } from '@app/contracts';

const TONE: Partial<Record<LotPhase, 'info' | 'success' | 'warning' | 'error'>> = {
  listing: 'info',
  timed_round: 'warning',
  auction_round: 'warning',
  cap_round: 'warning',
  frozen: 'error',
  suspended: 'error',
  terminated: 'error',
  closed_sold: 'success',
  closed_unsold: 'info',
};

/** The lot's phase in words, with what it means for a bidder: a clear banner, not a status code. */
export function PhaseBanner({ phase, extra }: { phase: LotPhase; extra?: React.ReactNode }) {
  const { t } = useTranslation();
  const hint = (t(`phaseHint.${phase}` as 'phaseHint.listing', { defaultValue: '' }) as string) || undefined;
  return (
    <Alert
      className="phase-banner"
      type={TONE[phase] ?? 'info'}
      showIcon
      title={
        <span>
          {t(`phase.${phase}`)}
          {extra ? <span> · {extra}</span> : null}
        </span>
      }
      description={hint}
      role="status"
    />
  );
}
