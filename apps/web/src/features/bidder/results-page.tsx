import { Alert, Button, Empty, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import type { components } from '@web/api/schema';
import { ApiError } from '@web/api/api-error';
import { MoneyText } from '@web/components/money-text';
import { Panel } from '@web/components/panel';
import { formatDateTime } from '@web/lib/date-time';
import { downloadSaleConfirmation, useMyContracts, useMyRefunds, useMySettlements, useSaleConfirmation, useSignSaleConfirmation } from './api';
import { QueryState } from '@web/components/query-state';
import { ToneTag } from './status-tag';
import { EmptyText, TableScroll } from './table-scroll';

type Settlement = components['schemas']['MySettlementDto'];
type Contract = components['schemas']['ContractViewDto'];

/** After the sale: the lots I won (成交确认书 to sign and download), my contracts' payment plans, my deposit refunds. */
export function ResultsPage() {
  const { t } = useTranslation();
  return (
    <div className="bidder-page">
      <h1 className="page-title">{t('features.bidder.results.title')}</h1>
      <Settlements />
      <Contracts />
      <Refunds />
    </div>
  );
}

function Settlements() {
  const { t } = useTranslation();
  const query = useMySettlements();
  return (
    <Panel id="settlements" title={t('features.bidder.results.settlements')}>
      <QueryState query={query}>
        {(list) => (list.length === 0 ? <Empty description={t('features.bidder.results.settlementsEmpty')} /> : list.map((s) => <SettlementCard key={s.lotId} settlement={s} />))}
      </QueryState>
    </Panel>
  );
}

function SettlementCard({ settlement: s }: { settlement: Settlement }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="result-card" aria-labelledby={`settlement-${s.lotId}`}>
      <h3 id={`settlement-${s.lotId}`} className="sub-title">
        {s.lotNumber} <ToneTag tone={s.status === 'defaulted' ? 'bad' : s.status === 'paid' ? 'ok' : 'info'}>{t(`features.bidder.results.settlementStatus.${s.status}`)}</ToneTag>
      </h3>
      <dl className="field-list">
        {s.price ? (
          <>
            <dt>{t('features.bidder.results.price')}</dt>
            <dd>
              <MoneyText amount={s.price} capital />
            </dd>
          </>
        ) : null}
        <dt>{t('features.bidder.results.earnest')}</dt>
        <dd>
          <MoneyText amount={s.earnest} />
        </dd>
        <dt>{t('features.bidder.results.closedAt')}</dt>
        <dd>{formatDateTime(s.closedAt, i18n.language)}</dd>
        {s.contractDeadline ? (
          <>
            <dt>{t('features.bidder.results.contractDeadline')}</dt>
            <dd>{formatDateTime(s.contractDeadline, i18n.language)}</dd>
          </>
        ) : null}
      </dl>
      {s.outcome === 'sold' ? <SaleConfirmation lotId={s.lotId} lotNumber={s.lotNumber} /> : null}
    </section>
  );
}

/** The 成交确认书: its verification code and deadline, the PDF on record, and the signature step. */
function SaleConfirmation({ lotId, lotNumber }: { lotId: string; lotNumber: string }) {
  const { t, i18n } = useTranslation();
  const query = useSaleConfirmation(lotId);
  const sign = useSignSaleConfirmation(lotId);
  return (
    <QueryState query={query}>
      {(c) => (
        <div className="confirmation-box">
          <h4 className="confirmation-title">{t('features.bidder.results.confirmation')}</h4>
          <dl className="field-list">
            <dt>{t('features.bidder.results.verificationCode')}</dt>
            <dd>{c.verificationCode}</dd>
            <dt>{t('features.bidder.results.issuedAt')}</dt>
            <dd>{formatDateTime(c.issuedAt, i18n.language)}</dd>
            <dt>{t('features.bidder.results.signDeadline')}</dt>
            <dd>{formatDateTime(c.signDeadline, i18n.language)}</dd>
            <dt>{t('features.bidder.results.signed')}</dt>
            <dd>{c.signedAt ? formatDateTime(c.signedAt, i18n.language) : t('features.bidder.results.notSigned')}</dd>
          </dl>
          {sign.error ? <Alert type="error" showIcon role="alert" title={sign.error instanceof ApiError ? sign.error.message : String(sign.error)} /> : null}
          <div className="actions">
            <Button onClick={() => void downloadSaleConfirmation(lotId, `成交确认书-${lotNumber}.pdf`)}>{t('features.bidder.results.downloadPdf')}</Button>
            {c.signedAt ? null : (
              <Button type="primary" loading={sign.isPending} onClick={() => sign.mutate()}>
                {t('features.bidder.results.sign')}
              </Button>
            )}
          </div>
        </div>
      )}
    </QueryState>
  );
}

function Contracts() {
  const { t } = useTranslation();
  const query = useMyContracts();
  return (
    <Panel id="contracts" title={t('features.bidder.results.contracts')}>
      <QueryState query={query}>{(list) => (list.length === 0 ? <Empty description={t('features.bidder.results.contractsEmpty')} /> : list.map((c) => <ContractCard key={c.id} contract={c} />))}</QueryState>
    </Panel>
  );
}

function ContractCard({ contract: c }: { contract: Contract }) {
  const { t } = useTranslation();
  return (
    <section className="result-card" aria-labelledby={`contract-${c.id}`}>
      <h3 id={`contract-${c.id}`} className="sub-title">
        {t('features.bidder.results.contractNumber', { number: c.contractNumber })} <ToneTag tone={c.status === 'paid' ? 'ok' : c.status === 'terminated' ? 'bad' : 'info'}>{t(`features.bidder.results.contractStatus.${c.status}`)}</ToneTag>
      </h3>
      <dl className="field-list">
        <dt>{t('features.bidder.results.price')}</dt>
        <dd>
          <MoneyText amount={c.price} />
        </dd>
        <dt>{t('features.bidder.results.signedOn')}</dt>
        <dd>{c.signedOn}</dd>
        <dt>{t('features.bidder.results.outstanding')}</dt>
        <dd>
          <MoneyText amount={c.outstanding} />
        </dd>
      </dl>
      {c.overdue.length > 0 ? <Alert type="error" showIcon title={t('features.bidder.results.overdue', { numbers: c.overdue.map((o) => o.number).join('、') })} /> : null}
      <TableScroll label={t('features.bidder.results.installments')}>
        <Table
          rowKey="number"
          size="small"
          pagination={false}
          dataSource={c.installments}
          columns={[
            { title: t('features.bidder.results.installmentNumber'), dataIndex: 'number' },
            { title: t('features.bidder.results.dueDate'), dataIndex: 'dueDate' },
            { title: t('features.bidder.results.amount'), key: 'amount', render: (_, i) => <MoneyText amount={i.amount} /> },
            { title: t('features.bidder.results.creditedEarnest'), key: 'earnest', render: (_, i) => <MoneyText amount={i.creditedEarnest} /> },
            { title: t('features.bidder.results.payable'), key: 'payable', render: (_, i) => <MoneyText amount={i.payable} /> },
          ]}
        />
      </TableScroll>
    </section>
  );
}

function Refunds() {
  const { t, i18n } = useTranslation();
  const query = useMyRefunds();
  return (
    <Panel id="refunds" title={t('features.bidder.results.refunds')}>
      <QueryState query={query}>
        {(list) => (
          <TableScroll label={t('features.bidder.results.refunds')}>
            <Table
              rowKey="id"
              size="middle"
              pagination={false}
              dataSource={list}
              locale={{ emptyText: <EmptyText>{t('features.bidder.results.refundsEmpty')}</EmptyText> }}
              columns={[
                { title: t('features.bidder.applications.lot'), dataIndex: 'lotNumber' },
                { title: t('features.bidder.results.amount'), key: 'amount', render: (_, r) => <MoneyText amount={r.amount} /> },
                { title: t('features.bidder.results.reason'), dataIndex: 'reason' },
                { title: t('features.bidder.results.dueAt'), key: 'due', render: (_, r) => formatDateTime(r.dueAt, i18n.language) },
                {
                  title: t('features.bidder.results.status'),
                  key: 'status',
                  render: (_, r) => <ToneTag tone={r.status === 'paid' ? 'ok' : r.overdue ? 'bad' : 'warn'}>{r.status === 'paid' ? t('features.bidder.results.refundPaid', { date: r.paidOn ?? '' }) : t('features.bidder.results.refundDue')}</ToneTag>,
                },
              ]}
            />
          </TableScroll>
        )}
      </QueryState>
    </Panel>
  );
}
