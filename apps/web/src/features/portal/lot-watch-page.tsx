import { Alert, Card, Descriptions, Empty, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { Countdown } from '@web/components/countdown';
import { MoneyText } from '@web/components/money-text';
import { ParcelMap } from '@web/components/parcel-map/parcel-map';
import { Panel } from '@web/components/panel';
import { PhaseBanner } from '@web/components/phase-banner';
import { formatArea, formatYuanAmount } from '@web/lib/money';
import { withLotIncrement } from '@web/lib/lot-room/lot-increment';
import type { HistoryEntry } from '@web/lib/lot-room/lot-room-state';
import { useLotRoom } from '@web/lib/lot-room/use-lot-room';
import { usePublicLot, useWebConfig } from './api';

const time = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(new Date(iso));

/** A live, anonymous watch of one lot: what the public may see (bidder numbers, never identities). */
export function LotWatchPage() {
  const { lotId = '' } = useParams();
  return <LotWatch key={lotId} lotId={lotId} />;
}

function LotWatch({ lotId }: { lotId: string }) {
  const { t } = useTranslation();
  const { state, clock } = useLotRoom(lotId);
  const lot = usePublicLot(lotId);
  const config = useWebConfig();
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);

  if (state.status === 'failed' && !state.view) {
    return <Alert type="error" showIcon title={t('watch.failed', { message: state.error?.message ?? '' })} />;
  }
  if (!state.view) return <Skeleton active paragraph={{ rows: 8 }} />;

  const view = withLotIncrement(state.view, lot.data?.increment ?? null, lot.data?.startPrice ?? null);

  const title = lot.data?.title ?? view.lotNumber;
  const warn = secondsLeft !== null && secondsLeft <= 30 && secondsLeft > 0;
  const counting = view.deadline !== null;
  const opens = !counting && view.opensAt && Date.parse(view.opensAt) > clock.now() ? view.opensAt : null;
  const columns = [
    { title: t('watch.seq'), dataIndex: 'seq', key: 'seq', width: 72 },
    {
      title: t('watch.bidder'),
      dataIndex: 'bidderNumber',
      key: 'bidder',
      render: (n: string, h: HistoryEntry) => (h.own ? <span className="own-bid">{n} <Tag color="#a8071a">{t('watch.own')}</Tag></span> : n),
    },
    { title: t('watch.price'), dataIndex: 'value', key: 'value', align: 'right' as const, render: (v: string, h: HistoryEntry) => (h.kind === 'price' ? formatYuanAmount(v) : v) },
    { title: t('watch.time'), dataIndex: 'at', key: 'at', render: (at: string) => <time dateTime={at}>{time(at)}</time> },
  ];

  return (
    <>
      <Space direction="vertical" size={4} style={{ width: '100%', marginBottom: 12 }}>
        <h1 className="page-title">{t('watch.title', { lot: title })}</h1>
        <Typography.Text type="secondary">
          {view.lotNumber} · {t(`method.${view.method}`)} · {t('watch.anonymous')}
        </Typography.Text>
      </Space>
      {state.status === 'reconnecting' ? <Alert type="warning" showIcon banner title={t('watch.reconnecting')} role="alert" style={{ marginBottom: 12 }} /> : null}
      <PhaseBanner
        phase={view.phase}
        extra={state.warning && counting && state.warning.deadline === view.deadline ? t('watch.warning', { seconds: state.warning.secondsLeft }) : undefined}
      />
      <div className="watch-grid">
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card className="price-board">
            <div className="board-label">{view.currentPrice ? t('watch.currentPrice') : t('watch.startPrice')}</div>
            <div className="current-price" data-testid="current-price" aria-live="polite" aria-atomic="true">
              {view.currentPrice ? <MoneyText amount={view.currentPrice} /> : lot.data ? <MoneyText amount={lot.data.startPrice} /> : t('watch.noBidYet')}
            </div>
            <Descriptions column={{ xs: 1, sm: 2 }} size="small" className="facts" bordered>
              <Descriptions.Item label={t('watch.leader')}>
                <span data-testid="leader-number">{view.leaderNumber ?? '—'}</span>
              </Descriptions.Item>
              <Descriptions.Item label={counting ? t('watch.countdown') : t('watch.opensIn')}>
                <span className={warn ? 'countdown warn' : 'countdown'}>
                  <Countdown deadline={view.deadline ?? opens} clock={clock} label={counting ? t('watch.countdown') : t('watch.opensIn')} onTick={setSecondsLeft} />
                  {!counting && !opens ? '—' : null}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={t('watch.minimumNext')}>{view.minimumNextPrice ? <MoneyText amount={view.minimumNextPrice} /> : '—'}</Descriptions.Item>
              <Descriptions.Item label={t('watch.increment')}>{view.increment ? <MoneyText amount={view.increment} /> : '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Panel id="bid-history" title={t('watch.history')}>
            {state.history.length === 0 ? (
              <Empty description={t('watch.historyEmpty')} />
            ) : (
              <Table<HistoryEntry> rowKey="seq" size="small" columns={columns} dataSource={[...state.history]} pagination={{ pageSize: 10, hideOnSinglePage: true }} />
            )}
          </Panel>
        </Space>
        <Panel id="parcel" title={t('watch.parcel')}>
          {lot.data ? (
            <>
              <ParcelMap
                boundaries={lot.data.parcels.flatMap((p) => (p.boundary ? [p.boundary] : []))}
                tileUrl={config.data?.tileUrl ?? null}
                caption={lot.data.parcels.map((p) => `${p.code} ${p.name}`).join('；')}
              />
              <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
                {lot.data.parcels.map((p) => (
                  <Descriptions.Item key={p.code} label={p.code}>
                    {p.name} · {p.district} · {formatArea(p.area)} ㎡
                  </Descriptions.Item>
                ))}
              </Descriptions>
            </>
          ) : (
            <Skeleton active />
          )}
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, fontSize: 12 }}>
            {t('watch.serverClock', { offset: `${(clock.offsetMs / 1000).toFixed(1)} s` })}
          </Typography.Paragraph>
        </Panel>
      </div>
    </>
  );
}
