import { Alert, Button, Descriptions, Empty, Skeleton, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Panel } from '@web/components/panel';
import { useAnnouncement, useAnnouncementVersion, type PublicAnnouncement } from './api';
import { formatDateTime } from './format';
import { LotList } from './lot-list';

/** A published announcement: its text, lots, every version (补充公告) and its notices; `?version=N` reads an old version. */
export function AnnouncementPage() {
  const { announcementId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const announcement = useAnnouncement(announcementId);
  const [params, setParams] = useSearchParams();
  const versionParam = Number.parseInt(params.get('version') ?? '', 10);
  const reading = Number.isInteger(versionParam) && versionParam > 0 && versionParam !== announcement.data?.version ? versionParam : null;

  if (announcement.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (announcement.isError) return <Alert type="error" showIcon title={announcement.error.message} />;
  const a = announcement.data;
  const read = (version: number | null) => setParams(version === null ? new URLSearchParams() : new URLSearchParams({ version: String(version) }));

  return (
    <>
      <header className="page-head">
        <h1 className="page-title">{a.title}</h1>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} className="facts">
          <Descriptions.Item label={t('features.portal.announcement.number')}>{a.number}</Descriptions.Item>
          <Descriptions.Item label={t('features.portal.announcement.status')}>{t(`features.portal.announcement.statusValue.${a.status}`)}</Descriptions.Item>
          <Descriptions.Item label={t('features.portal.announcement.version')}>{t('features.portal.announcement.versionValue', { version: a.version })}</Descriptions.Item>
          <Descriptions.Item label={t('features.portal.announcement.publishedAt')}>{a.publishedAt ? formatDateTime(a.publishedAt, i18n.language) : '—'}</Descriptions.Item>
        </Descriptions>
      </header>
      <div className="portal-grid">
        <div className="portal-stack">
          {reading !== null ? <VersionView announcementId={a.id} version={reading} onClose={() => read(null)} /> : <CurrentView announcement={a} />}
        </div>
        <div className="portal-stack">
          <Panel id="versions" title={t('features.portal.announcement.versions')}>
            <ol className="plain-list">
              {[...a.versions].reverse().map((v) => (
                <li key={v.version} className="notice-row">
                  <Space wrap size={[8, 4]}>
                    <Tag color={v.kind === 'amendment' ? '#ad2102' : undefined}>{t(`features.portal.announcement.versionKind.${v.kind}`)}</Tag>
                    <strong>{t('features.portal.announcement.versionValue', { version: v.version })}</strong>
                    <time className="muted" dateTime={v.publishedAt}>
                      {formatDateTime(v.publishedAt, i18n.language)}
                    </time>
                  </Space>
                  <span>{v.summary}</span>
                  {v.reason ? (
                    <span className="muted">
                      {t('features.portal.announcement.reason')}：{v.reason}
                    </span>
                  ) : null}
                  {v.version !== a.version ? (
                    <Button size="small" style={{ alignSelf: 'flex-start' }} onClick={() => read(v.version)} aria-pressed={reading === v.version}>
                      {t('features.portal.announcement.readVersion', { version: v.version })}
                    </Button>
                  ) : null}
                </li>
              ))}
            </ol>
          </Panel>
          <Panel id="announcement-notices" title={t('features.portal.announcement.notices')}>
            <ul className="plain-list">
              {[...a.notices].reverse().map((n) => (
                <li key={n.id} className="notice-row">
                  <Space wrap size={[8, 4]}>
                    <Tag color="#ad2102">{t(`portal.noticeKind.${n.kind}`)}</Tag>
                    <Link to={`/notices/${n.id}`}>{n.title}</Link>
                  </Space>
                  <time className="muted notice-date" dateTime={n.publishedAt}>
                    {formatDateTime(n.publishedAt, i18n.language)}
                  </time>
                </li>
              ))}
            </ul>
          </Panel>
        </div>
      </div>
    </>
  );
}

function CurrentView({ announcement: a }: { announcement: PublicAnnouncement }) {
  const { t } = useTranslation();
  return (
    <>
      <Panel id="announcement-lots" title={t('features.portal.announcement.lots')}>
        {a.lots.length ? <LotList lots={a.lots} /> : <Empty description={t('features.portal.announcement.lotsEmpty')} />}
      </Panel>
      <Panel id="announcement-body" title={t('features.portal.announcement.body')}>
        <p className="notice-body">{a.body}</p>
      </Panel>
    </>
  );
}

/** An older version exactly as it was published (its snapshot), clearly marked as history. */
function VersionView({ announcementId, version, onClose }: { announcementId: string; version: number; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const v = useAnnouncementVersion(announcementId, version);
  if (v.isPending) return <Skeleton active />;
  if (v.isError) return <Alert type="error" showIcon title={v.error.message} />;
  const content = v.data.content;
  return (
    <>
      <Alert
        type="warning"
        showIcon
        title={t('features.portal.announcement.reading', { version, date: formatDateTime(v.data.publishedAt, i18n.language) })}
        action={<Button onClick={onClose}>{t('features.portal.announcement.closeVersion')}</Button>}
      />
      <Panel id="version-content" title={t('features.portal.announcement.versionContent', { version })}>
        <h3 style={{ marginTop: 8 }}>{content.title}</h3>
        <LotList lots={content.lots} linked={false} showPhase={false} />
        <p className="notice-body" style={{ marginTop: 12 }}>
          {content.body}
        </p>
      </Panel>
    </>
  );
}
