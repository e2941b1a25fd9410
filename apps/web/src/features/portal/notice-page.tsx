import { Alert, Skeleton, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Panel } from '@web/components/panel';
import { useNotice } from './api';
import { formatDateTime } from './format';

/** One notice as published, with links to its announcement, its lot and, for a result, its verification. */
export function NoticePage() {
  const { noticeId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const notice = useNotice(noticeId);

  if (notice.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (notice.isError) return <Alert type="error" showIcon title={notice.error.message} />;
  const n = notice.data;
  return (
    <>
      <header className="page-head">
        <Space wrap size={[8, 4]}>
          <Tag color="#ad2102">{t(`portal.noticeKind.${n.kind}`)}</Tag>
          <span className="muted">
            <time dateTime={n.publishedAt}>
              {t('portal.publishedAt')} {formatDateTime(n.publishedAt, i18n.language)}
            </time>
          </span>
        </Space>
        <h1 className="page-title" style={{ marginTop: 8 }}>
          {n.title}
        </h1>
      </header>
      <nav className="page-actions" aria-label={t('features.portal.notice.body')}>
        <Link to={`/announcements/${n.announcementId}`} className="link-button">
          {t('features.portal.notice.announcement')}
        </Link>
        {n.lotId ? (
          <Link to={`/lots/${n.lotId}`} className="link-button">
            {t('features.portal.notice.lot')}
          </Link>
        ) : null}
        {n.lotId && n.kind === 'result' ? (
          <Link to={`/lots/${n.lotId}/result`} className="link-button primary">
            {t('features.portal.notice.result')}
          </Link>
        ) : null}
        <Link to="/notices" className="link-button text">
          {t('features.portal.notice.back')}
        </Link>
      </nav>
      <Panel id="notice-body" title={t('features.portal.notice.body')}>
        <p className="notice-body">{n.body}</p>
      </Panel>
    </>
  );
}
