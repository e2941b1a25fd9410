import { Button, Empty, Pagination } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { components } from '@web/api/schema';
import { Panel } from '@web/components/panel';
import { formatDateTime } from '@web/lib/date-time';
import { useInbox, useMarkRead } from '@web/lib/notifications';
import { QueryState } from '@web/components/query-state';

type Message = components['schemas']['NotificationViewDto'];
const PAGE_SIZE = 20;

/** Where a message leads in the bidder area, by what it is about. */
function linkOf(m: Message): string | null {
  if (!m.relatedId) return null;
  if (m.relatedType === 'application') return `/bidder/applications/${m.relatedId}`;
  if (m.relatedType === 'lot' || m.relatedType === 'contract' || m.relatedType === 'refund') return '/bidder/results';
  return null;
}

/** The inbox: newest first, unread ones marked; mark one or all read (the header's count follows). */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const query = useInbox(page, PAGE_SIZE);
  const mark = useMarkRead();
  return (
    <div className="bidder-page">
      <h1 className="page-title">{t('features.bidder.notifications.title')}</h1>
      <QueryState query={query}>
        {(inbox) => (
          <Panel id="inbox" title={t('features.bidder.notifications.unread', { count: inbox.unread })}>
            <div className="actions inbox-actions">
              <Button disabled={inbox.unread === 0} loading={mark.isPending && mark.variables === 'all'} onClick={() => mark.mutate('all')}>
                {t('features.bidder.notifications.markAllRead')}
              </Button>
            </div>
            {inbox.items.length === 0 ? (
              <Empty description={t('features.bidder.notifications.empty')} />
            ) : (
              <ul className="inbox">
                {inbox.items.map((m) => (
                  <MessageItem key={m.id} message={m} onRead={() => mark.mutate(m.id)} />
                ))}
              </ul>
            )}
            {inbox.total > PAGE_SIZE ? <Pagination current={page} pageSize={PAGE_SIZE} total={inbox.total} onChange={setPage} showSizeChanger={false} /> : null}
          </Panel>
        )}
      </QueryState>
    </div>
  );
}

function MessageItem({ message: m, onRead }: { message: Message; onRead: () => void }) {
  const { t, i18n } = useTranslation();
  const to = linkOf(m);
  return (
    <li className={m.read ? 'inbox-item' : 'inbox-item unread'}>
      <article aria-labelledby={`msg-${m.id}`}>
        <header className="inbox-head">
          <h3 id={`msg-${m.id}`} className="inbox-subject">
            {m.read ? null : <span className="visually-hidden">{t('features.bidder.notifications.unreadMark')}</span>}
            {to ? <Link to={to}>{m.subject}</Link> : m.subject}
          </h3>
          <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, i18n.language)}</time>
        </header>
        <p className="inbox-body">{m.body}</p>
        {m.read ? null : (
          <Button size="small" onClick={onRead} aria-label={`${t('features.bidder.notifications.markRead')}：${m.subject}`}>
            {t('features.bidder.notifications.markRead')}
          </Button>
        )}
      </article>
    </li>
  );
}
