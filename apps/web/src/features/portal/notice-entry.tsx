import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PublicNotice } from './api';
import { formatDateTime } from './format';

/** One notice in a list: its kind, its title linking to it, and when it was published (after its announcement's number, when given). */
export function NoticeEntry({ notice, announcementNumber, className }: { notice: PublicNotice; announcementNumber?: string | null; className: string }) {
  const { t, i18n } = useTranslation();
  return (
    <li className={className}>
      <Space wrap size={[8, 4]}>
        <Tag color="#ad2102">{t(`portal.noticeKind.${notice.kind}`)}</Tag>
        <Link to={`/notices/${notice.id}`} className="notice-title">
          {notice.title}
        </Link>
      </Space>
      <span className="muted notice-date">
        {announcementNumber ? `${announcementNumber} · ` : null}
        <time dateTime={notice.publishedAt}>
          {t('portal.publishedAt')} {formatDateTime(notice.publishedAt, i18n.language)}
        </time>
      </span>
    </li>
  );
}
