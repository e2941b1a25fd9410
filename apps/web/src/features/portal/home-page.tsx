import { Alert, Button, Col, Empty, Row, Skeleton, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MoneyText } from '@web/components/money-text';
import { Panel } from '@web/components/panel';
import { useLots, useNotices, useTradingLots } from './api';
import { formatDateTime } from './format';
import { NoticeEntry } from './notice-entry';

const LATEST = { page: 1, pageSize: 10 };
const RECENT_SALES = { phase: 'closed_sold', page: 1, pageSize: 5 } as const;

/** The portal's front page: the lots trading now (each with a link to watch it live), the latest sales and notices. */
export function HomePage() {
  const { t } = useTranslation();
  const trading = useTradingLots();
  const notices = useNotices(LATEST);
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">{t('portal.heroTitle')}</h1>
        <p>{t('portal.heroBody')}</p>
      </section>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Panel id="trading-now" title={t('portal.tradingNow')}>
            {trading.isPending ? (
              <Skeleton active />
            ) : trading.isError ? (
              <Alert type="error" showIcon title={trading.error.message} action={<Button onClick={() => void trading.refetch()}>{t('common.retry')}</Button>} />
            ) : trading.data.length === 0 ? (
              <Empty description={t('portal.tradingNowEmpty')} />
            ) : (
              <ul className="plain-list">
                {trading.data.map((lot) => (
                  <li key={lot.id} className="lot-item">
                    <div className="lot-item-main">
                      <Space wrap size={[8, 4]} className="lot-item-title">
                        <Link to={`/lots/${lot.id}/live`}>{lot.title}</Link>
                        <Tag color="#a8071a">{t(`phase.${lot.phase}`)}</Tag>
                        <Tag>{t(`method.${lot.method}`)}</Tag>
                      </Space>
                      <span className="muted lot-item-meta">
                        {t('portal.lotNumber')}{' '}
                        <Link to={`/lots/${lot.id}`}>{lot.lotNumber}</Link>{' '}
                        · {lot.announcement.number}
                      </span>
                      <div>
                        <span className="muted">{t('portal.startPrice')}：</span>
                        <MoneyText amount={lot.startPrice} className="lot-card-price" />
                      </div>
                    </div>
                    <Link to={`/lots/${lot.id}/live`} className="ant-btn ant-btn-primary watch-link" aria-label={`${t('portal.watch')}：${lot.title}`}>
                      {t('portal.watch')}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
          <RecentSales />
        </Col>
        <Col xs={24} lg={10}>
          <Panel id="latest-notices" title={t('portal.notices')}>
            {notices.isPending ? (
              <Skeleton active />
            ) : notices.isError ? (
              <Alert type="error" showIcon title={notices.error.message} />
            ) : notices.data.items.length === 0 ? (
              <Empty description={t('portal.noticesEmpty')} />
            ) : (
              <ul className="plain-list">
                {notices.data.items.map((n) => (
                  <NoticeEntry key={n.id} notice={n} className="notice-item" />
                ))}
              </ul>
            )}
            <p style={{ margin: '12px 0 0' }}>
              <Link to="/notices">{t('features.portal.home.allNotices')}</Link>
            </p>
          </Panel>
        </Col>
      </Row>
    </>
  );
}

/** The latest sold lots, each linked to its result (figures and the checks anyone can run). */
function RecentSales() {
  const { t, i18n } = useTranslation();
  const sales = useLots(RECENT_SALES);
  if (!sales.data?.items.length) return null;
  return (
    <Panel id="recent-sales" title={t('features.portal.home.recentSales')} className="home-panel">
      <ul className="plain-list">
        {sales.data.items.map((lot) => (
          <li key={lot.id} className="notice-item">
            <Link to={`/lots/${lot.id}/result`} className="notice-title">
              {lot.lotNumber} {lot.title}
            </Link>
            <span className="muted notice-date">
              {t(`method.${lot.method}`)} · {lot.announcement.number} · {t('features.portal.lot.milestones.tradingStart')} <time dateTime={lot.schedule.tradingStart}>{formatDateTime(lot.schedule.tradingStart, i18n.language)}</time>
            </span>
          </li>
        ))}
      </ul>
      <p style={{ margin: '12px 0 0' }}>
        <Link to="/results">{t('features.portal.home.allResults')}</Link>
      </p>
    </Panel>
  );
}
