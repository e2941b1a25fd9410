import { Alert, Skeleton, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useParams } from 'react-router';
import type { LotSnapshot } from '@app/contracts';
import { refreshSession } from '@web/api/client';
import { useAuth } from '@web/app/auth/auth-context';
import { PhaseBanner } from '@web/components/phase-banner';
import { authTokens } from '@web/lib/auth-tokens';
import { readBidTerms } from '@web/lib/lot-room/bid-terms';
import { withLotIncrement } from '@web/lib/lot-room/lot-increment';
import { useLotRoom } from '@web/lib/lot-room/use-lot-room';
import { formatYuanAmount } from '@web/lib/money';
import { usePracticeLot, useRoomLot } from './api';
import { BidHistory, MyBids } from './bid-lists';
import { BidPanel } from './bid-panel';
import { PriceBoard } from './price-board';
import { useBidding } from './use-bidding';
import './room.css';

/** The bidding room of one lot (/room/lots/:lotId) for a logged-in bidder. */
export function RoomPage() {
  const { lotId = '' } = useParams();
  const auth = useAuth();
  const location = useLocation();
  if (auth.restoring) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (!auth.account) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return <LotRoom key={lotId} lotId={lotId} />;
}

function LotRoom({ lotId }: { lotId: string }) {
  const { t } = useTranslation();
  const { state, clock, socket } = useLotRoom(lotId, { token: authTokens.access, refresh: refreshSession });
  const { submissions, send } = useBidding(socket, lotId);
  const [secondsLeft, setSecondsLeft] = useState<number | null>(null);
  // The seq held when the connection dropped, then how many events the rejoin replayed (shown once back).
  const [lostAt, setLostAt] = useState<number | null>(null);
  const [caughtUp, setCaughtUp] = useState<number | null>(null);
  if (state.status === 'reconnecting' && lostAt === null) {
    setLostAt(state.seq);
    setCaughtUp(null);
  }
  if (state.status === 'live' && lostAt !== null) {
    setCaughtUp(state.seq - lostAt);
    setLostAt(null);
  }
  const practice = state.view?.practice === true;
  const lot = useRoomLot(lotId, state.view !== null && !practice);
  const practiceLot = usePracticeLot(lotId, practice);

  if (state.status === 'failed' && !state.view) {
    return <Alert type="error" showIcon role="alert" title={t('features.room.joinFailed', { message: state.error?.message ?? '' })} />;
  }
  if (!state.view) return <Skeleton active paragraph={{ rows: 8 }} />;

  const terms = readBidTerms(practice ? practiceLot.data?.terms : lot.data?.terms, practice ? practiceLot.data?.schedule.warningSeconds : []);
  const startPrice = (practice ? practiceLot.data?.terms.startPrice : lot.data?.startPrice) ?? null;
  const view = withLotIncrement(state.view, (practice ? practiceLot.data?.terms.increment : lot.data?.increment) ?? null, startPrice);
  const title = (practice ? practiceLot.data?.title : lot.data?.title) ?? view.lotNumber;
  const you = state.you;
  const counting = view.deadline !== null;
  const serverWarning = state.warning && counting && state.warning.deadline === view.deadline ? state.warning.secondsLeft : null;
  const firstMark = terms.warningSeconds[0] ?? 30;
  const warn = serverWarning !== null || (counting && secondsLeft !== null && secondsLeft > 0 && secondsLeft <= firstMark);
  const quiet = view.phase === 'listing' && submissions.some((s) => s.code === 'QUIET_PERIOD');

  return (
    <div className="room-page">
      <header className="room-head">
        <h1 className="page-title">{t('features.room.title', { lot: title })}</h1>
        <p className="room-sub">
          <span>{view.lotNumber}</span>
          <span> · {t(`method.${view.method}`)}</span>
          {you ? (
            <Tag color="#0958d9" className="room-number" data-testid="your-number">
              {t('features.room.yourNumber', { number: you })}
            </Tag>
          ) : null}
          {practice ? <Tag color="#d46b08">{t('features.room.practiceTag')}</Tag> : null}
        </p>
      </header>
      {state.status === 'reconnecting' ? <Alert type="warning" showIcon banner role="alert" title={t('features.room.reconnecting')} className="room-alert" /> : null}
      {caughtUp !== null ? (
        <Alert type="success" showIcon closable={{ onClose: () => setCaughtUp(null) }} role="status" title={t('features.room.caughtUp', { count: caughtUp })} className="room-alert" data-testid="caught-up" />
      ) : null}
      <PhaseBanner phase={view.phase} extra={serverWarning !== null ? t('features.room.board.warning', { seconds: serverWarning }) : undefined} />
      {quiet ? <Alert type="warning" showIcon role="status" title={t('features.room.quietPeriod')} className="room-alert" /> : null}
      <Outcome view={view} you={you} practice={practice} />
      <div className="room-grid">
        <div className="room-main">
          <PriceBoard view={view} you={you} startPrice={startPrice} terms={terms} clock={clock} warn={warn} onTick={setSecondsLeft} />
          <BidHistory history={state.history} />
        </div>
        <div className="room-side">
          <BidPanel view={view} you={you} terms={terms} lotLabel={`${view.lotNumber} ${title}`} submissions={submissions} send={send} clock={clock} />
          <MyBids submissions={submissions} />
          <p className="muted room-clock">{t('features.room.serverClock', { offset: `${(Math.round(clock.offsetMs / 100) / 10 || 0).toFixed(1)} s` })}</p>
        </div>
      </div>
    </div>
  );
}

/** The end of trading in words: won (for this bidder), won by another number, or unsold. */
function Outcome({ view, you, practice }: { view: LotSnapshot; you: string | null; practice: boolean }) {
  const { t } = useTranslation();
  if (view.phase !== 'closed_sold' && view.phase !== 'closed_unsold') return null;
  if (view.phase === 'closed_unsold') return <Alert type="info" showIcon role="status" title={t('features.room.outcome.unsold')} className="room-alert" data-testid="outcome" />;
  const o = view.outcome ?? {};
  const winner = typeof o.winnerNumber === 'string' ? o.winnerNumber : view.leaderNumber;
  const price = typeof o.price === 'string' ? o.price : view.currentPrice;
  const amount = price ? formatYuanAmount(price) : '—';
  const won = you !== null && winner === you;
  return (
    <Alert
      type={won ? 'success' : 'info'}
      showIcon
      role="status"
      className="room-alert room-outcome"
      data-testid="outcome"
      title={won ? t(practice ? 'features.room.outcome.wonPractice' : 'features.room.outcome.won', { amount }) : t('features.room.outcome.lost', { number: winner ?? '—', amount })}
      description={practice ? undefined : t('features.room.outcome.next')}
    />
  );
}
