import { Alert, Empty, Radio, Skeleton, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Panel } from '@web/components/panel';
import { useLots } from './api';
import { formatDateTime } from './format';
import { PriceText } from './price-text';
import { pageOf, UrlPagination } from './url-pagination';

const PAGE_SIZE = 20;

/** 成交结果: the lots whose trading ended, sold or unsold, each with a link to its result and verification. */
export function ResultsPage() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const phase = params.get('outcome') === 'unsold' ? 'closed_unsold' : 'closed_sold';
  const page = pageOf(params);
  const lots = useLots({ phase, page, pageSize: PAGE_SIZE });

  return (
    <>
      <header className="page-head">
        <h1 className="page-title">{t('features.portal.results.title')}</h1>
        <p className="muted">{t('features.portal.results.intro')}</p>
      </header>
      <Radio.Group
        aria-label={t('features.portal.results.outcome')}
        optionType="button"
        buttonStyle="solid"
        value={phase === 'closed_sold' ? 'sold' : 'unsold'}
        onChange={(e) => setParams(e.target.value === 'unsold' ? new URLSearchParams({ outcome: 'unsold' }) : new URLSearchParams())}
        options={[
          { value: 'sold', label: t('features.portal.results.sold') },
          { value: 'unsold', label: t('features.portal.results.unsold') },
        ]}
        style={{ marginBottom: 16 }}
      />
      <Panel id="result-list" title={phase === 'closed_sold' ? t('features.portal.results.sold') : t('features.portal.results.unsold')}>
        {lots.isPending ? (
          <Skeleton active />
        ) : lots.isError ? (
          <Alert type="error" showIcon title={lots.error.message} />
        ) : lots.data.items.length === 0 ? (
          <Empty description={t('features.portal.results.empty')} />
        ) : (
          <>
            <ul className="plain-list">
              {lots.data.items.map((lot) => (
                <li key={lot.id} className="notice-row">
                  <Space wrap size={[8, 4]}>
                    <Link to={`/lots/${lot.id}/result`} className="notice-title">
                      {lot.lotNumber} {lot.title}
                    </Link>
                    <Tag>{t(`method.${lot.method}`)}</Tag>
                    <Tag color={lot.phase === 'closed_sold' ? '#237804' : undefined}>{t(`phase.${lot.phase}`)}</Tag>
                  </Space>
                  <span className="muted">
                    {lot.announcement.number} · {t('features.portal.lot.startPrice')}：<PriceText amount={lot.startPrice} unit={lot.terms.priceUnit} /> ·{' '}
                    <time dateTime={lot.schedule.tradingStart}>{formatDateTime(lot.schedule.tradingStart, i18n.language)}</time>
                  </span>
                </li>
              ))}
            </ul>
            <UrlPagination total={lots.data.total} pageSize={PAGE_SIZE} />
          </>
        )}
      </Panel>
    </>
  );
}
