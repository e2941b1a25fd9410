import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicLot } from './api';
import { formatDateTime } from './format';
import { PriceText } from './price-text';

/** Lots of an announcement (or of one of its versions): number, title, method, phase, start price, trading start. */
export function LotList({ lots, linked = true, showPhase = true }: { lots: readonly PublicLot[]; linked?: boolean; showPhase?: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="plain-list">
      {lots.map((lot) => (
        <li key={lot.id} className="notice-row">
          <Space wrap size={[8, 4]}>
            {linked ? (
              <Link to={`/lots/${lot.id}`} className="notice-title">
                {lot.lotNumber} {lot.title}
              </Link>
            ) : (
              <span className="notice-title">
                {lot.lotNumber} {lot.title}
              </span>
            )}
            <Tag>{t(`method.${lot.method}`)}</Tag>
            {showPhase ? <Tag color="#a8071a">{t(`phase.${lot.phase}`)}</Tag> : null}
          </Space>
          <span className="muted">
            {t('features.portal.lot.startPrice')}：<PriceText amount={lot.startPrice} unit={lot.terms.priceUnit} /> · {t('features.portal.lot.milestones.tradingStart')}{' '}
            <time dateTime={lot.schedule.tradingStart}>{formatDateTime(lot.schedule.tradingStart, i18n.language)}</time>
          </span>
        </li>
      ))}
    </ul>
  );
}
