import { Alert, Skeleton, Tag } from 'antd';
import { useCallback, useSyncExternalStore } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Countdown } from '@web/components/countdown';
import { Panel } from '@web/components/panel';
import { formatDateTime } from '@web/lib/date-time';
import { useHttpServerClock } from '@web/lib/http-server-clock';
import type { ServerClock } from '@web/lib/server-clock';
import { useLotSnapshots, useMyApplications, type LotSnapshot, type OwnApplication } from './api';
import { isBeforeTrading, isTrading, myLotAction, type MyLotAction } from './my-lot-entry';

interface MyLot {
  app: OwnApplication;
  lot: LotSnapshot | undefined;
  action: MyLotAction;
}

/**
 * "我的竞价": every lot the bidder applied for, with its live phase and time (the public trading
 * snapshot, on the server's clock), and the way in: the room when it may bid there now, else its application.
 */
export function MyLots() {
  const { t } = useTranslation();
  const mine = useMyApplications();
  const clock = useHttpServerClock();
  // Decided again once the clock is measured: a device clock off by hours must not open or hide a room.
  const onClockChange = useCallback((listener: () => void) => clock.subscribe(listener), [clock]);
  useSyncExternalStore(onClockChange, () => clock.offsetMs);
  const snapshots = useLotSnapshots(mine.data?.map((a) => a.lotId) ?? []);
  const now = clock.now();
  const rows: MyLot[] = (mine.data ?? []).map((app, i) => {
    const lot = snapshots[i]?.data;
    return { app, lot, action: myLotAction(app, lot, now) };
  });
  // The lots it may bid on now come first; the rest keep the server's order (newest application first).
  const sorted = [...rows.filter((r) => r.action !== 'application'), ...rows.filter((r) => r.action === 'application')];
  return (
    <Panel id="my-lots" title={t('features.room.home.mineTitle')} className="room-my-lots">
      {mine.isPending ? (
        <Skeleton active />
      ) : mine.error ? (
        <Alert type="error" showIcon role="alert" title={t('features.room.home.mineFailed', { message: mine.error.message })} />
      ) : !sorted.length ? (
        <p className="muted">
          {t('features.room.home.mineEmpty')} <Link to="/bidder/applications">{t('features.room.home.mineEmptyLink')}</Link>
        </p>
      ) : (
        <ul className="plain-list" data-testid="my-lots">
          {sorted.map((row) => (
            <MyLotItem key={row.app.id} row={row} clock={clock} />
          ))}
        </ul>
      )}
    </Panel>
  );
}

function MyLotItem({ row: { app, lot, action }, clock }: { row: MyLot; clock: ServerClock }) {
  const { t } = useTranslation();
  const lead = app.members.find((m) => m.isLead);
  return (
    <li className="lot-item my-lot">
      <div className="lot-item-main">
        <span className="lot-item-title">{app.lotTitle}</span>
        <span className="muted">
          {app.lotNumber}
          {lot ? ` · ${t(`phase.${lot.phase}`)}` : null}
          {app.bidderNumber ? <Tag className="room-number">{t('features.room.home.yourNumber', { number: app.bidderNumber })}</Tag> : null}
        </span>
        <span>
          {t(`features.room.home.status.${app.status}`)}
          {app.joint ? ` · ${app.isLead ? t('features.room.home.jointLead') : t('features.room.home.jointMember', { lead: lead?.name ?? '—' })}` : null}
        </span>
      </div>
      {lot ? <MyLotTime lot={lot} clock={clock} /> : null}
      <MyLotLink app={app} action={action} />
    </li>
  );
}

/** Before trading: its start and the time to it; while bids run: the time to the deadline. */
function MyLotTime({ lot, clock }: { lot: LotSnapshot; clock: ServerClock }) {
  const { t, i18n } = useTranslation();
  if (isBeforeTrading(lot.phase) && lot.opensAt) {
    return (
      <div className="my-lot-time">
        <span>{t('features.room.home.startsAt', { time: formatDateTime(lot.opensAt, i18n.language) })}</span>
        <span>
          <span className="muted" aria-hidden="true">
            {t('features.room.home.opensIn')}{' '}
          </span>
          <Countdown deadline={lot.opensAt} clock={clock} label={t('features.room.home.opensIn')} className="my-lot-countdown" />
        </span>
      </div>
    );
  }
  if (isTrading(lot.phase) && lot.phase !== 'frozen' && lot.deadline) {
    return (
      <div className="my-lot-time">
        <span>
          <span className="muted" aria-hidden="true">
            {t('features.room.home.endsIn')}{' '}
          </span>
          <Countdown deadline={lot.deadline} clock={clock} label={t('features.room.home.endsIn')} className="my-lot-countdown" />
        </span>
      </div>
    );
  }
  return null;
}

/**
 * The link's visible words stay short ("进入竞价室"); the lot number, hidden on screen, completes its
 * accessible name ("进入T559-1竞价室"). Spaces stay outside the hidden span: the browser drops those inside it.
 */
function MyLotLink({ app, action }: { app: OwnApplication; action: MyLotAction }) {
  const values = { lot: app.lotNumber };
  const hidden = [<span key="lot" className="visually-hidden" />];
  if (action === 'enter') {
    return (
      <Link to={`/room/lots/${app.lotId}`} className="room-link primary">
        <Trans i18nKey="features.room.home.enter" values={values} components={hidden} />
      </Link>
    );
  }
  if (action === 'watch') {
    return (
      <Link to={`/lots/${app.lotId}/live`} className="room-link">
        <Trans i18nKey="features.room.home.watch" values={values} components={hidden} />
      </Link>
    );
  }
  return (
    <Link to={`/bidder/applications/${app.id}`} className="room-link">
      <Trans i18nKey="features.room.home.application" values={values} components={hidden} />
    </Link>
  );
}
