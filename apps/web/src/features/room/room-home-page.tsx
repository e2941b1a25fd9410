import { Alert, Button, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import type { LotPhase } from '@app/contracts';
import { useAuth } from '@web/app/auth/auth-context';
import { Panel } from '@web/components/panel';
import { useMyPracticeLots, useStartPractice } from './api';
import { MyLots } from './my-lots';
import './room.css';

/** The room's home (/room): the bidder's own lots with the way into each room, and practice bidding (模拟竞价) in one click. */
export function RoomHomePage() {
  const { t } = useTranslation();
  const auth = useAuth();
  const location = useLocation();
  if (auth.restoring) return <Skeleton active />;
  if (!auth.account) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return (
    <div className="room-page">
      <header className="room-head">
        <h1 className="page-title">{t('features.room.home.title')}</h1>
        <p className="muted">{t('features.room.home.intro')}</p>
      </header>
      <MyLots />
      <div className="room-home-grid">
        <PracticeStart />
        <PracticeList />
      </div>
    </div>
  );
}

function PracticeStart() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useStartPractice();
  const begin = () =>
    start.mutate(undefined, {
      onSuccess: (lot) => void navigate(`/room/lots/${lot.id}`),
    });
  return (
    <Panel id="practice-start" title={t('features.room.home.practiceTitle')}>
      <p>{t('features.room.home.practiceIntro')}</p>
      {start.error ? <Alert type="error" showIcon role="alert" className="room-alert" title={t('features.room.home.startFailed', { message: start.error.message })} /> : null}
      <Button type="primary" size="large" loading={start.isPending} onClick={begin}>
        {t('features.room.home.startPractice')}
      </Button>
    </Panel>
  );
}

function PracticeList() {
  const { t } = useTranslation();
  const mine = useMyPracticeLots();
  return (
    <Panel id="practice-mine" title={t('features.room.home.myPractice')}>
      {mine.isPending ? (
        <Skeleton active />
      ) : !mine.data?.items.length ? (
        <p className="muted">{t('features.room.home.practiceEmpty')}</p>
      ) : (
        <ul className="plain-list">
          {mine.data.items.map((lot) => (
            <li key={lot.id} className="lot-item">
              <div className="lot-item-main">
                <span className="lot-item-title">
                  <Link to={`/room/lots/${lot.id}`}>{lot.title}</Link>
                </span>
                <span className="muted">
                  {lot.lotNumber} · {t(`phase.${lot.phase as LotPhase}`)}
                  {lot.you ? <Tag className="room-number">{t('features.room.home.yourNumber', { number: lot.you.bidderNumber })}</Tag> : null}
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
