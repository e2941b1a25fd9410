import { Empty, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Panel } from '@web/components/panel';
import { formatAreaM2, formatShare } from '@web/lib/lot-room/bid-terms';
import type { HistoryEntry } from '@web/lib/lot-room/lot-room-state';
import { formatYuanAmount } from '@web/lib/money';
import { useRefusalText } from './refusal-text';
import type { Submission } from './use-bidding';

const time = (iso: string) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(new Date(iso));

function valueText(kind: 'price' | 'area' | 'share' | 'optIn' | 'sealed', value: string | null, yuan: string): string {
  if (value === null) return '—';
  if (kind === 'area') return formatAreaM2(value);
  if (kind === 'share') return formatShare(value);
  return `${formatYuanAmount(value)} ${yuan}`;
}

// Solid colours with white text: antd's light status tags fall short of the 4.5:1 contrast.
const TAG = { pending: '#0958d9', committed: '#237804', refused: '#a8071a' } as const;

/** What this bidder sent in this room, newest first: pending, accepted (with its seq) or refused (why, in words). */
export function MyBids({ submissions }: { submissions: readonly Submission[] }) {
  const { t } = useTranslation();
  const refusal = useRefusalText();
  return (
    <Panel id="room-mine" title={t('features.room.mine.title')}>
      {submissions.length === 0 ? (
        <p className="muted">{t('features.room.mine.empty')}</p>
      ) : (
        <ol className="plain-list my-bids" data-testid="my-bids">
          {submissions.map((s) => (
            <li key={s.clientBidId} className={`my-bid my-bid-${s.status}`}>
              <span className="my-bid-kind">{t(`features.room.mine.kind.${s.kind}`)}</span>
              <span className="my-bid-value">{valueText(s.kind, s.value, t('common.yuan'))}</span>
              <Tag color={TAG[s.status]}>{t(`features.room.mine.${s.status}`)}</Tag>
              {s.status === 'refused' ? <span className="my-bid-reason">{refusal(s.code!, s.message)}</span> : null}
              {s.status === 'committed' && s.seq ? <span className="my-bid-reason muted">{t('features.room.mine.seq', { seq: s.seq })}</span> : null}
              {s.duplicate ? <span className="my-bid-reason muted">{t('features.room.mine.duplicate')}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </Panel>
  );
}

/** The lot's accepted bids, newest first, by bidder number only; this bidder's own are marked. */
export function BidHistory({ history }: { history: readonly HistoryEntry[] }) {
  const { t } = useTranslation();
  const columns = [
    { title: t('features.room.history.seq'), dataIndex: 'seq', key: 'seq', width: 72 },
    {
      title: t('features.room.history.bidder'),
      dataIndex: 'bidderNumber',
      key: 'bidder',
      render: (n: string, h: HistoryEntry) =>
        h.own ? (
          <span className="own-bid">
            {n} <Tag color="#a8071a">{t('features.room.history.own')}</Tag>
          </span>
        ) : (
          n
        ),
    },
    { title: t('features.room.history.value'), dataIndex: 'value', key: 'value', align: 'right' as const, render: (v: string, h: HistoryEntry) => valueText(h.kind, v, t('common.yuan')) },
    { title: t('features.room.history.time'), dataIndex: 'at', key: 'at', render: (at: string) => <time dateTime={at}>{time(at)}</time> },
  ];
  return (
    <Panel id="room-history" title={t('features.room.history.title')}>
      <p className="muted history-note">{t('features.room.history.note')}</p>
      {history.length === 0 ? (
        <Empty description={t('features.room.history.empty')} />
      ) : (
        <Table<HistoryEntry> rowKey="seq" size="small" columns={columns} dataSource={[...history]} pagination={{ pageSize: 10, hideOnSinglePage: true }} />
      )}
    </Panel>
  );
}
