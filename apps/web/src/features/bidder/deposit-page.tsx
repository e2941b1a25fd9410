import { Alert, Button, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Countdown } from '@web/components/countdown';
import { MoneyText } from '@web/components/money-text';
import { Panel } from '@web/components/panel';
import { formatDateTime } from '@web/lib/date-time';
import { httpClock } from '@web/lib/http-clock';
import { compareMoney } from '@web/lib/money';
import { useApplication, type OwnApplication } from './api';
import { QueryState } from '@web/components/query-state';
import { ToneTag } from './status-tag';
import { EmptyText, TableScroll } from './table-scroll';

/**
 * How to pay the deposit (the application's own virtual sub-account, the amount, the deadline on the
 * server's clock) and what has arrived: fetched again every few seconds until the application
 * settles, so the bank's notice shows here without a reload.
 */
export function DepositPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const query = useApplication(id, { live: true });
  return (
    <div className="bidder-page">
      <h1 className="page-title">{t('features.bidder.deposit.title', { lot: query.data ? `${query.data.lotNumber} ${query.data.lotTitle}` : '' })}</h1>
      <QueryState query={query}>
        {(app) => (
          <>
            <Instructions app={app} />
            <Arrivals app={app} />
          </>
        )}
      </QueryState>
    </div>
  );
}

function Instructions({ app }: { app: OwnApplication }) {
  const { t, i18n } = useTranslation();
  const d = app.deposit;
  return (
    <Panel id="deposit-instructions" title={t('features.bidder.deposit.instructions')}>
      {d.subAccount ? (
        <>
          <dl className="field-list">
            <dt>{t('features.bidder.deposit.subAccount')}</dt>
            <dd>
              <span className="sub-account" data-testid="sub-account">
                {d.subAccount}
              </span>{' '}
              <Button size="small" onClick={() => void navigator.clipboard?.writeText(d.subAccount ?? '')} aria-label={`${t('features.bidder.deposit.copy')} ${t('features.bidder.deposit.subAccount')}`}>
                {t('features.bidder.deposit.copy')}
              </Button>
            </dd>
            <dt>{t('features.bidder.deposit.amount')}</dt>
            <dd data-testid="deposit-amount">
              <MoneyText amount={d.required} capital />
            </dd>
            <dt>{t('features.bidder.deposit.deadline')}</dt>
            <dd>
              <time dateTime={d.deadline}>{formatDateTime(d.deadline, i18n.language)}</time>
            </dd>
            <dt>{t('features.bidder.deposit.countdown')}</dt>
            <dd>
              <Countdown deadline={d.deadline} clock={httpClock} label={t('features.bidder.deposit.countdown')} />
            </dd>
          </dl>
          {d.instructions ? <p className="deposit-text">{d.instructions}</p> : null}
        </>
      ) : (
        <p>{t('features.bidder.deposit.notIssued')}</p>
      )}
    </Panel>
  );
}

function Arrivals({ app }: { app: OwnApplication }) {
  const { t, i18n } = useTranslation();
  const d = app.deposit;
  return (
    <Panel id="deposit-status" title={t('features.bidder.deposit.status')}>
      <div role="status" aria-live="polite" data-testid="deposit-status">
        {app.status === 'qualified' && app.bidderNumber ? (
          <Alert
            type="success"
            showIcon
            title={t('features.bidder.deposit.qualified', { number: app.bidderNumber })}
            action={<Link to={`/bidder/applications/${app.id}/certificate`}>{t('features.bidder.detail.certificate')}</Link>}
          />
        ) : d.fullyPaidInTime ? (
          <Alert type="success" showIcon title={t('features.bidder.deposit.paid')} />
        ) : (
          <Alert type="warning" showIcon title={t('features.bidder.deposit.unpaid')} description={t('features.bidder.deposit.live')} />
        )}
      </div>
      <dl className="field-list deposit-figures">
        <dt>{t('features.bidder.deposit.counted')}</dt>
        <dd>
          <MoneyText amount={d.counted} />
        </dd>
        <dt>{t('features.bidder.deposit.outstanding')}</dt>
        <dd>
          <MoneyText amount={d.outstanding} />
        </dd>
        {compareMoney(d.late, '0.00') > 0 ? (
          <>
            <dt>{t('features.bidder.deposit.late')}</dt>
            <dd>
              <MoneyText amount={d.late} />
            </dd>
          </>
        ) : null}
        {compareMoney(d.excess, '0.00') > 0 ? (
          <>
            <dt>{t('features.bidder.deposit.excess')}</dt>
            <dd>
              <MoneyText amount={d.excess} />
            </dd>
          </>
        ) : null}
      </dl>
      <h3 className="sub-title">{t('features.bidder.deposit.payments')}</h3>
      <TableScroll label={t('features.bidder.deposit.payments')}>
        <Table
          rowKey="txnId"
          size="small"
          pagination={false}
          dataSource={d.payments}
          locale={{ emptyText: <EmptyText>{t('features.bidder.deposit.paymentsEmpty')}</EmptyText> }}
          columns={[
            { title: t('features.bidder.deposit.txnId'), dataIndex: 'txnId' },
            { title: t('features.bidder.deposit.amount'), key: 'amount', render: (_, p) => <MoneyText amount={p.amount} /> },
            { title: t('features.bidder.deposit.arrivedAt'), key: 'at', render: (_, p) => formatDateTime(p.arrivedAt, i18n.language) },
            { title: t('features.bidder.deposit.payer'), dataIndex: 'payerName' },
            {
              title: t('features.bidder.applications.status'),
              key: 'flags',
              render: (_, p) => (
                <>
                  <ToneTag tone={p.inTime ? 'ok' : 'bad'}>{p.inTime ? t('features.bidder.deposit.inTime') : t('features.bidder.deposit.lateMark')}</ToneTag>
                  {p.payerMismatch ? <ToneTag tone="warn">{t('features.bidder.deposit.payerMismatch')}</ToneTag> : null}
                </>
              ),
            },
          ]}
        />
      </TableScroll>
    </Panel>
  );
}
