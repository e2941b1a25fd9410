import { Alert, Button, Popconfirm, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '@web/api/api-error';
import { MoneyText } from '@web/components/money-text';
import { Panel } from '@web/components/panel';
import { formatBytes, formatDateTime } from '@web/lib/date-time';
import { downloadDocument, useApplication, useSubmitApplication, useWithdrawApplication, type OwnApplication } from './api';
import { DocumentUpload } from './document-upload';
import { QueryState } from '@web/components/query-state';
import { EmptyText, TableScroll } from './table-scroll';
import { StatusTag, ToneTag } from './status-tag';

/** States in which the lead may still withdraw the application (the state machine's `withdraw`). */
const WITHDRAWABLE: ReadonlyArray<OwnApplication['status']> = ['draft', 'submitted', 'under_review', 'approved', 'awaiting_deposit'];
/** States in which documents may still be added (the API's OPEN_FOR_DOCUMENTS). */
const OPEN_FOR_DOCUMENTS: ReadonlyArray<OwnApplication['status']> = ['draft', 'submitted', 'under_review'];

/** One application: its state, group and shares, documents, and the next step (submit, deposit, certificate, room). */
export function ApplicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  // Live: a review decision or the deposit's arrival shows without a reload.
  const query = useApplication(id, { live: true });
  return (
    <div className="bidder-page">
      <h1 className="page-title">{t('features.bidder.detail.title', { lot: query.data ? `${query.data.lotNumber} ${query.data.lotTitle}` : '' })}</h1>
      <QueryState query={query}>
        {(app) => (
          <>
            <Overview app={app} />
            <NextStep app={app} />
            <Group app={app} />
            <Documents app={app} />
          </>
        )}
      </QueryState>
    </div>
  );
}

function Overview({ app }: { app: OwnApplication }) {
  const { t } = useTranslation();
  return (
    <Panel id="overview" title={t('features.bidder.detail.overview')}>
      <dl className="field-list">
        <dt>{t('features.bidder.detail.lotNumber')}</dt>
        <dd>{app.lotNumber}</dd>
        <dt>{t('features.bidder.detail.status')}</dt>
        <dd>
          <StatusTag status={app.status} />
        </dd>
        <dt>{t('features.bidder.detail.reviewMode')}</dt>
        <dd>{t(`features.bidder.detail.reviewModes.${app.reviewMode}`)}</dd>
        <dt>{t('features.bidder.apply.deposit')}</dt>
        <dd>
          <MoneyText amount={app.deposit.required} />
        </dd>
        {app.bidderNumber ? (
          <>
            <dt>{t('features.bidder.applications.bidderNumber')}</dt>
            <dd className="big-number">{app.bidderNumber}</dd>
          </>
        ) : null}
      </dl>
      {app.reviewReason ? <Alert type="error" showIcon title={t('features.bidder.detail.rejected', { reason: app.reviewReason })} /> : null}
    </Panel>
  );
}

/** What happens next, said in words, for the states where the bidder mostly waits or pays. */
const STEP_TEXT: Partial<Record<OwnApplication['status'], 'review' | 'deposit' | 'qualified'>> = {
  submitted: 'review',
  under_review: 'review',
  approved: 'deposit',
  awaiting_deposit: 'deposit',
  qualified: 'qualified',
};

/** What the bidder can do now, by state: submit or withdraw a draft, pay the deposit, print the certificate, enter the room. */
function NextStep({ app }: { app: OwnApplication }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const submit = useSubmitApplication(app.id);
  const withdraw = useWithdrawApplication(app.id);
  const waiting = app.members.some((m) => m.status === 'pending');
  const failure = submit.error ?? withdraw.error;
  return (
    <Panel id="next-step" title={t('features.bidder.detail.next')}>
      {failure ? <Alert type="error" showIcon role="alert" className="form-alert" title={failure instanceof ApiError ? failure.message : String(failure)} /> : null}
      {submit.isSuccess ? <Alert type="success" showIcon role="status" className="form-alert" title={t('features.bidder.detail.submitted')} /> : null}
      {app.status === 'draft' && app.isLead ? <p>{waiting ? t('features.bidder.detail.waitingPartners') : t('features.bidder.detail.submitHelp')}</p> : null}
      {app.status in STEP_TEXT ? <p>{t(`features.bidder.detail.stepText.${STEP_TEXT[app.status]!}`, { number: app.bidderNumber ?? '' })}</p> : null}
      <div className="actions">
        {app.status === 'draft' && app.isLead ? (
          <Button type="primary" disabled={waiting} loading={submit.isPending} onClick={() => submit.mutate()}>
            {t('features.bidder.detail.submit')}
          </Button>
        ) : null}
        {app.deposit.subAccount ? (
          <Button type={app.status === 'qualified' ? 'default' : 'primary'} onClick={() => void navigate(`/bidder/applications/${app.id}/deposit`)}>
            {t('features.bidder.detail.deposit')}
          </Button>
        ) : null}
        {app.status === 'qualified' ? (
          <>
            <Button onClick={() => void navigate(`/bidder/applications/${app.id}/certificate`)}>{t('features.bidder.detail.certificate')}</Button>
            <Link className="room-link" to={`/room/lots/${app.lotId}`}>
              {t('features.bidder.detail.room')}
            </Link>
          </>
        ) : null}
        {app.isLead && WITHDRAWABLE.includes(app.status) ? (
          <Popconfirm title={t('features.bidder.detail.withdrawConfirm')} okText={t('features.bidder.common.yes')} cancelText={t('features.bidder.common.no')} onConfirm={() => withdraw.mutate(undefined)}>
            <Button danger loading={withdraw.isPending}>
              {t('features.bidder.detail.withdraw')}
            </Button>
          </Popconfirm>
        ) : null}
      </div>
    </Panel>
  );
}

function Group({ app }: { app: OwnApplication }) {
  const { t } = useTranslation();
  if (!app.joint) return null;
  return (
    <Panel id="group" title={t('features.bidder.detail.group')}>
      <TableScroll label={t('features.bidder.detail.group')}>
        <Table
          rowKey="identifier"
          size="middle"
          pagination={false}
          dataSource={app.members}
          columns={[
            { title: t('features.bidder.detail.identifier'), dataIndex: 'identifier' },
            {
              title: t('features.bidder.detail.name'),
              key: 'name',
              render: (_, m) => (
                <>
                  {m.name ?? t('features.bidder.detail.nameHidden')} {m.isLead ? <ToneTag tone="info">{t('features.bidder.detail.leadMark')}</ToneTag> : null}
                </>
              ),
            },
            { title: t('features.bidder.detail.share'), key: 'share', render: (_, m) => `${m.share}%` },
            { title: t('features.bidder.detail.answer'), key: 'status', render: (_, m) => t(`features.bidder.invitationStatus.${m.status}`) },
          ]}
        />
      </TableScroll>
    </Panel>
  );
}

function Documents({ app }: { app: OwnApplication }) {
  const { t, i18n } = useTranslation();
  return (
    <Panel id="documents" title={t('features.bidder.detail.documents')}>
      <TableScroll label={t('features.bidder.detail.documents')}>
        <Table
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={app.documents}
          locale={{ emptyText: <EmptyText>{t('features.bidder.detail.documentsEmpty')}</EmptyText> }}
          columns={[
            { title: t('features.bidder.detail.documentTitle'), dataIndex: 'title' },
            { title: t('features.bidder.detail.file'), dataIndex: 'fileName' },
            { title: t('features.bidder.detail.type'), dataIndex: 'contentType' },
            { title: t('features.bidder.detail.size'), key: 'size', render: (_, d) => formatBytes(d.sizeBytes) },
            { title: t('features.bidder.detail.uploadedAt'), key: 'at', render: (_, d) => formatDateTime(d.uploadedAt, i18n.language) },
            {
              title: '',
              key: 'download',
              render: (_, d) => (
                <Button type="link" aria-label={`${t('features.bidder.detail.download')} ${d.title}`} onClick={() => void downloadDocument(app.id, d.id, d.fileName)}>
                  {t('features.bidder.detail.download')}
                </Button>
              ),
            },
          ]}
        />
      </TableScroll>
      {OPEN_FOR_DOCUMENTS.includes(app.status) ? <DocumentUpload applicationId={app.id} /> : null}
    </Panel>
  );
}
