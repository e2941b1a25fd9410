import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnreadCount } from '@web/lib/notifications';

/** The header's inbox link with the unread count (a bidder's inbox is in the bidder area). */
export function UnreadBadge() {
  const { t } = useTranslation();
  const unread = useUnreadCount(true);
  return (
    <Link to="/bidder/notifications" className="unread-badge" aria-label={t('inbox.label', { count: unread })}>
      <span aria-hidden="true">✉</span>
      {unread > 0 ? (
        <span className="unread-count" aria-hidden="true" data-testid="unread-count">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}
