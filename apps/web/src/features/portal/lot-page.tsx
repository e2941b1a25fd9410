import { Alert, Descriptions, Skeleton, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { LotPhase } from '@app/contracts';
import { Countdown } from '@web/components/countdown';
import { MoneyText } from '@web/components/money-text';
import { ParcelMap } from '@web/components/parcel-map/parcel-map';
import { Panel } from '@web/components/panel';
import { PhaseBanner } from '@web/components/phase-banner';
import { useHttpServerClock } from '@web/lib/http-server-clock';
import { formatArea, formatYuanAmount } from '@web/lib/money';
import type { ServerClock } from '@web/lib/server-clock';
import { useAnnouncement, usePublicLot, useWebConfig, type PublicLot } from './api';
import { formatDateTime } from './format';
import { PriceText } from './price-text';

/** Phases in which the live watch shows something moving. */
const LIVE: readonly LotPhase[] = ['listing', 'timed_round', 'auction_round', 'cap_round', 'sealed_bidding', 'opening', 'frozen'];
const CLOSED: readonly LotPhase[] = ['closed_sold', 'closed_unsold'];
const MILESTONES = ['applicationStart', 'applicationEnd', 'depositDeadline', 'registrationClose', 'tradingStart', 'tradingEnd', 'openingAt'] as const;

/** A lot as the public reads it: terms (money as exact strings), parcels and planning conditions, map, schedule with countdowns. */
export function LotPage() {
  const { lotId = '' } = useParams();
  const { t } = useTranslation();
  const lot = usePublicLot(lotId);
  const announcement = useAnnouncement(lot.data?.announcementId);
  const clock = useHttpServerClock();

  if (lot.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (lot.isError) return <Alert type="error" showIcon title={lot.error.message} />;
  const l = lot.data;
  return (
    <>
      <header className="page-head">
        <h1 className="page-title">{l.title}</h1>
        <p className="muted">
          {t('portal.lotNumber')} {l.lotNumber} · {t(`method.${l.method}`)}
          {announcement.data ? (
            <>
              {' · '}
              {t('features.portal.lot.announcement')} <Link to={`/announcements/${announcement.data.id}`}>{announcement.data.number}</Link>
            </>
          ) : null}
        </p>
      </header>
      <PhaseBanner phase={l.phase} />
      {LIVE.includes(l.phase) || CLOSED.includes(l.phase) ? (
        <nav className="page-actions" aria-label={t('features.portal.lot.terms')}>
          {LIVE.includes(l.phase) ? (
            <Link to={`/lots/${l.id}/live`} className="link-button primary">
              {t('features.portal.lot.watchLive')}
            </Link>
          ) : null}
          {CLOSED.includes(l.phase) ? (
            <Link to={`/lots/${l.id}/result`} className="link-button primary">
              {t('features.portal.lot.result')}
            </Link>
          ) : null}
        </nav>
      ) : null}
      <div className="portal-grid">
        <div className="portal-stack">
          <Terms lot={l} />
          <Parcels lot={l} />
        </div>
        <div className="portal-stack">
          <Schedule lot={l} clock={clock} />
          <LotMap lot={l} />
        </div>
      </div>
    </>
  );
}

function Terms({ lot }: { lot: PublicLot }) {
  const { t } = useTranslation();
  const unit = lot.terms.priceUnit;
  const eligibility = lot.terms.eligibility as { jointBidsAllowed?: boolean; review?: 'pre_review' | 'post_review'; exclusions?: string };
  const reserve = lot.reserve;
  return (
    <Panel id="lot-terms" title={t('features.portal.lot.terms')}>
      <Descriptions column={1} size="small" bordered className="facts" data-testid="lot-terms">
        <Descriptions.Item label={t('features.portal.lot.priceUnit')}>{t(`features.portal.lot.priceUnits.${unit}`)}</Descriptions.Item>
        <Descriptions.Item label={t('features.portal.lot.startPrice')}>
          <PriceText amount={lot.startPrice} unit={unit} className="lot-card-price" />
        </Descriptions.Item>
        {lot.increment ? (
          <Descriptions.Item label={t('features.portal.lot.increment')}>
            <PriceText amount={lot.increment} unit={unit} />
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('features.portal.lot.deposit')}>
          <MoneyText amount={lot.deposit} capital />
        </Descriptions.Item>
        {lot.priceCap ? (
          <Descriptions.Item label={t('features.portal.lot.priceCap')}>
            <PriceText amount={lot.priceCap} unit={unit} />
          </Descriptions.Item>
        ) : null}
        <Descriptions.Item label={t('features.portal.lot.reserve')}>
          {!reserve.hasReserve
            ? t('features.portal.lot.reserveNone')
            : reserve.revealed?.value
              ? t('features.portal.lot.reserveRevealed', { value: formatYuanAmount(reserve.revealed.value) })
              : reserve.sealed
                ? t('features.portal.lot.reserveSealed')
                : t('features.portal.lot.reserveOpen')}
        </Descriptions.Item>
        {reserve.commitment ? (
          <Descriptions.Item label={t('features.portal.lot.commitment')}>
            <span className="hash">{reserve.commitment}</span>
          </Descriptions.Item>
        ) : null}
        {eligibility.jointBidsAllowed !== undefined ? (
          <Descriptions.Item label={t('features.portal.lot.jointBids')}>
            {eligibility.jointBidsAllowed ? t('features.portal.lot.jointAllowed') : t('features.portal.lot.jointNotAllowed')}
          </Descriptions.Item>
        ) : null}
        {eligibility.review ? <Descriptions.Item label={t('features.portal.lot.review')}>{t(`features.portal.lot.reviewValue.${eligibility.review}`)}</Descriptions.Item> : null}
        {eligibility.exclusions ? <Descriptions.Item label={t('features.portal.lot.exclusions')}>{eligibility.exclusions}</Descriptions.Item> : null}
      </Descriptions>
    </Panel>
  );
}

function Parcels({ lot }: { lot: PublicLot }) {
  const { t } = useTranslation();
  const range = (min: string | null, max: string | null) => (min && max ? `${min} – ${max}` : (max ?? min ?? '—'));
  return (
    <Panel id="lot-parcels" title={t('features.portal.lot.parcels')}>
      {lot.parcels.map((p) => (
        <Descriptions
          key={p.code}
          title={
            <span>
              {p.code} {p.name}
            </span>
          }
          column={{ xs: 1, sm: 2 }}
          size="small"
          className="facts"
        >
          <Descriptions.Item label={t('features.portal.lot.location')}>{p.location}</Descriptions.Item>
          <Descriptions.Item label={t('features.portal.notices.district')}>{p.district}</Descriptions.Item>
          <Descriptions.Item label={t('features.portal.lot.area')}>{formatArea(p.area)} ㎡</Descriptions.Item>
          <Descriptions.Item label={t('features.portal.lot.use')}>
            <Tag>{t(`features.portal.plannedUse.${p.plannedUse}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('features.portal.lot.plotRatio')}>{range(p.planningConditions.plotRatioMin, p.planningConditions.plotRatioMax)}</Descriptions.Item>
          <Descriptions.Item label={t('features.portal.lot.density')}>{p.planningConditions.buildingDensity ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('features.portal.lot.green')}>{p.planningConditions.greenRatio ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('features.portal.lot.height')}>
            {p.planningConditions.heightLimitMetres ? t('features.portal.lot.metres', { value: p.planningConditions.heightLimitMetres }) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('features.portal.lot.tenure')}>{t('features.portal.lot.years', { count: p.tenureYears })}</Descriptions.Item>
        </Descriptions>
      ))}
    </Panel>
  );
}

function Schedule({ lot, clock }: { lot: PublicLot; clock: ServerClock }) {
  const { t, i18n } = useTranslation();
  const rows = MILESTONES.flatMap((m) => {
    const at = lot.schedule[m];
    return at ? [{ key: m, at }] : [];
  }).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const now = clock.now();
  return (
    <Panel id="lot-schedule" title={t('features.portal.lot.schedule')}>
      <div className="table-scroll" tabIndex={0} role="group" aria-labelledby="lot-schedule">
        <table className="stat-table" data-testid="lot-schedule">
          <thead>
            <tr>
              <th scope="col">{t('features.portal.lot.milestone')}</th>
              <th scope="col">{t('features.portal.lot.at')}</th>
              <th scope="col">{t('features.portal.lot.countdown')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ key, at }) => {
              const label = t(`features.portal.lot.milestones.${key}`);
              const passed = Date.parse(at) <= now;
              return (
                <tr key={key} className={passed ? 'milestone-passed' : undefined}>
                  <th scope="row">{label}</th>
                  <td>
                    <time dateTime={at}>{formatDateTime(at, i18n.language)}</time>
                  </td>
                  <td>{passed ? t('features.portal.lot.passed') : <Countdown deadline={at} clock={clock} label={`${label} ${t('features.portal.lot.countdown')}`} />}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <p className="muted" style={{ margin: '8px 0 0', fontSize: 12 }}>
        {t('features.portal.lot.serverClock')}
      </p>
    </Panel>
  );
}

function LotMap({ lot }: { lot: PublicLot }) {
  const { t } = useTranslation();
  const config = useWebConfig();
  return (
    <Panel id="lot-map" title={t('features.portal.lot.map')}>
      <ParcelMap
        boundaries={lot.parcels.flatMap((p) => (p.boundary ? [p.boundary] : []))}
        tileUrl={config.data?.tileUrl ?? null}
        height={320}
        caption={lot.parcels.map((p) => `${p.code} ${p.name}`).join('；')}
      />
    </Panel>
  );
}
