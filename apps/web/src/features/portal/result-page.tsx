import { Alert, Descriptions, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Ratio } from '@app/money/ratio';
import { MoneyText } from '@web/components/money-text';
import { Panel } from '@web/components/panel';
import { formatYuanAmount } from '@web/lib/money';
import { useAnnouncement, useChain, useLotResult, usePublicLot, type LotResult, type PublicLot } from './api';
import { formatDateTime } from './format';
import { PriceText } from './price-text';
import { ChainVerification, ConfirmationVerification, LotteryVerification, ReserveVerification } from './result-verification';

/** 成交结果 of one lot: the figures, the result notices (成交公示) and checks anyone can run in the browser. */
export function ResultPage() {
  const { lotId = '' } = useParams();
  const { t } = useTranslation();
  const lot = usePublicLot(lotId);
  const result = useLotResult(lotId);
  const chain = useChain(lotId);

  if (lot.isPending || result.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (lot.isError) return <Alert type="error" showIcon title={lot.error.message} />;
  const l = lot.data;
  return (
    <>
      <header className="page-head">
        <h1 className="page-title">{t('features.portal.result.title', { lot: l.title })}</h1>
        <p className="muted">
          {t('portal.lotNumber')} <Link to={`/lots/${l.id}`}>{l.lotNumber}</Link> · {t(`method.${l.method}`)}
        </p>
      </header>
      {result.isError ? (
        <Alert type="info" showIcon title={t('features.portal.result.notYet')} description={result.error.message} />
      ) : (
        <div className="portal-grid">
          <div className="portal-stack">
            <Figures lot={l} result={result.data} />
            <ResultNotices lot={l} />
          </div>
          <Panel id="verification" title={t('features.portal.result.verify')}>
            <p className="muted">{t('features.portal.result.verifyIntro')}</p>
            <ReserveVerification lot={l} result={result.data} />
            <ChainVerification result={result.data} chain={chain} />
            <LotteryVerification chain={chain} />
            <ConfirmationVerification />
          </Panel>
        </div>
      )}
    </>
  );
}

function Figures({ lot, result: r }: { lot: PublicLot; result: LotResult }) {
  const { t, i18n } = useTranslation();
  const sold = r.outcome === 'sold';
  return (
    <Panel id="result-figures" title={t('features.portal.result.outcome')}>
      <Descriptions column={1} size="small" bordered className="facts" data-testid="result-figures">
        <Descriptions.Item label={t('features.portal.result.outcome')}>
          <strong>{sold ? t('features.portal.results.sold') : t('features.portal.results.unsold')}</strong>
        </Descriptions.Item>
        {sold && r.winnerNumber ? (
          <Descriptions.Item label={t('features.portal.result.winnerNumber')}>
            <span className="result-figure">{r.winnerNumber}</span>
          </Descriptions.Item>
        ) : null}
        {sold && r.price ? (
          <Descriptions.Item label={t('features.portal.result.price')}>
            <MoneyText amount={r.price} capital className="result-figure" />
          </Descriptions.Item>
        ) : null}
        {sold && r.bidPrice && r.priceUnit !== 'total' ? (
          <Descriptions.Item label={t('features.portal.result.bidPrice')}>
            <PriceText amount={r.bidPrice} unit={r.priceUnit} />
          </Descriptions.Item>
        ) : null}
        {r.unitPrice ? (
          <Descriptions.Item label={t('features.portal.result.unitPrice')}>
            {formatYuanAmount(r.unitPrice)} {t('features.portal.result.perSquareMetre')}
          </Descriptions.Item>
        ) : null}
        {r.floorPrice ? (
          <Descriptions.Item label={t('features.portal.result.floorPrice')}>
            {formatYuanAmount(r.floorPrice)} {t('features.portal.result.perSquareMetre')}
          </Descriptions.Item>
        ) : null}
        {r.premiumRate ? <Descriptions.Item label={t('features.portal.result.premiumRate')}>{Ratio.of(r.premiumRate).formatPercent(2)}</Descriptions.Item> : null}
        {!sold && r.reason ? <Descriptions.Item label={t('features.portal.result.reason')}>{r.reason}</Descriptions.Item> : null}
        <Descriptions.Item label={t('features.portal.lot.startPrice')}>
          <PriceText amount={lot.startPrice} unit={lot.terms.priceUnit} />
        </Descriptions.Item>
        <Descriptions.Item label={t('features.portal.result.closedAt')}>
          <time dateTime={r.closedAt}>{formatDateTime(r.closedAt, i18n.language)}</time>
        </Descriptions.Item>
      </Descriptions>
    </Panel>
  );
}

/** The result notices as published (the winner's name appears only where the 成交公示 discloses it). */
function ResultNotices({ lot }: { lot: PublicLot }) {
  const { t, i18n } = useTranslation();
  const announcement = useAnnouncement(lot.announcementId);
  const notices = (announcement.data?.notices ?? []).filter((n) => n.kind === 'result' && n.lotId === lot.id);
  return (
    <Panel id="result-notices" title={t('features.portal.result.publicNotice')}>
      {announcement.isPending ? (
        <Skeleton active />
      ) : notices.length === 0 ? (
        <p className="muted">{t('features.portal.result.publicNoticeEmpty')}</p>
      ) : (
        notices.map((n) => (
          <article key={n.id} className="verify-section" aria-labelledby={`notice-${n.id}`}>
            <h3 id={`notice-${n.id}`}>
              <Link to={`/notices/${n.id}`}>{n.title}</Link>
            </h3>
            <p className="muted notice-date">
              <time dateTime={n.publishedAt}>{formatDateTime(n.publishedAt, i18n.language)}</time>
            </p>
            <p className="notice-body">{n.body}</p>
          </article>
        ))
      )}
    </Panel>
  );
}
