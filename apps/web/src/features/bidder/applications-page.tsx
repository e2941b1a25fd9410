import { Alert, Button, Input, Popconfirm, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError } from '@web/api/api-error';
import { MoneyText } from '@web/components/money-text';
import { Panel } from '@web/components/panel';
import { formatDateTime } from '@web/lib/date-time';
import { useAnswerInvitation, useLotsOpenForApplication, useMyApplications, useMyInvitations, type Invitation } from './api';
import { QueryState } from '@web/components/query-state';
import { EmptyText, TableScroll } from './table-scroll';
import { StatusTag, ToneTag } from './status-tag';

/** My applications, the joint-bid invitations addressed to me, and the lots I may apply for now. */
export function ApplicationsPage() {
  const { t } = useTranslation();
  const notice = (useLocation().state as { notice?: string } | null)?.notice;
  return (
    <div className="bidder-page">
      <h1 className="page-title">{t('features.bidder.applications.title')}</h1>
      {notice ? <Alert type="success" showIcon title={notice} role="status" /> : null}
      <MyApplications />
      <MyInvitations />
      <OpenLots />
    </div>
  );
}

function MyApplications() {
  const { t } = useTranslation();
  const query = useMyApplications();
  return (
    <Panel id="my-applications" title={t('features.bidder.applications.mine')}>
      <QueryState query={query}>
        {(apps) => (
          <TableScroll label={t('features.bidder.applications.mine')}>
            <Table
              rowKey="id"
              size="middle"
              pagination={false}
              dataSource={apps}
              locale={{ emptyText: <EmptyText>{t('features.bidder.applications.empty')}</EmptyText> }}
              columns={[
                {
                  title: t('features.bidder.applications.lot'),
                  key: 'lot',
                  render: (_, a) => (
                    <Link to={`/bidder/applications/${a.id}`}>
                      {a.lotNumber} {a.lotTitle}
                    </Link>
                  ),
                },
                { title: t('features.bidder.applications.status'), key: 'status', render: (_, a) => <StatusTag status={a.status} /> },
                { title: t('features.bidder.applications.bidderNumber'), key: 'number', render: (_, a) => a.bidderNumber ?? '—' },
                { title: t('features.bidder.applications.deposit'), key: 'deposit', render: (_, a) => <MoneyText amount={a.deposit.required} /> },
              ]}
            />
          </TableScroll>
        )}
      </QueryState>
    </Panel>
  );
}

function MyInvitations() {
  const { t } = useTranslation();
  const query = useMyInvitations();
  return (
    <Panel id="my-invitations" title={t('features.bidder.applications.invitations')}>
      <QueryState query={query}>
        {(invitations) =>
          invitations.length === 0 ? (
            <p>{t('features.bidder.applications.invitationsEmpty')}</p>
          ) : (
            <TableScroll label={t('features.bidder.applications.invitations')}>
              <Table
                rowKey="id"
                size="middle"
                pagination={false}
                dataSource={invitations}
                columns={[
                  {
                    title: t('features.bidder.applications.lot'),
                    key: 'lot',
                    // Once accepted, the partner is a member: the application is its own to follow.
                    render: (_, i) => (i.status === 'accepted' ? <Link to={`/bidder/applications/${i.applicationId}`}>{`${i.lotNumber} ${i.lotTitle}`}</Link> : `${i.lotNumber} ${i.lotTitle}`),
                  },
                  { title: t('features.bidder.applications.lead'), dataIndex: 'lead' },
                  { title: t('features.bidder.applications.share'), key: 'share', render: (_, i) => `${i.share}%` },
                  { title: t('features.bidder.applications.partners'), dataIndex: 'partners' },
                  { title: t('features.bidder.applications.status'), key: 'status', render: (_, i) => <ToneTag>{t(`features.bidder.invitationStatus.${i.status}`)}</ToneTag> },
                  { title: '', key: 'answer', render: (_, i) => (i.status === 'pending' ? <InvitationAnswer invitation={i} /> : null) },
                ]}
              />
            </TableScroll>
          )
        }
      </QueryState>
    </Panel>
  );
}

function InvitationAnswer({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  const answer = useAnswerInvitation();
  const [reason, setReason] = useState('');
  const label = `${invitation.lotNumber} ${invitation.lead}`;
  return (
    <div className="actions">
      <Button type="primary" size="small" loading={answer.isPending} aria-label={`${t('features.bidder.applications.accept')} ${label}`} onClick={() => answer.mutate({ applicationId: invitation.applicationId, accept: true })}>
        {t('features.bidder.applications.accept')}
      </Button>
      <Popconfirm
        title={<Input aria-label={t('features.bidder.applications.declineReason')} placeholder={t('features.bidder.applications.declineReason')} value={reason} onChange={(e) => setReason(e.target.value)} />}
        okText={t('features.bidder.applications.decline')}
        cancelText={t('features.bidder.common.no')}
        onConfirm={() => answer.mutate({ applicationId: invitation.applicationId, accept: false, reason: reason.trim() || undefined })}
      >
        <Button size="small" danger aria-label={`${t('features.bidder.applications.decline')} ${label}`}>
          {t('features.bidder.applications.decline')}
        </Button>
      </Popconfirm>
      {answer.error instanceof ApiError ? (
        <span role="alert" className="code-hint bad">
          {answer.error.message}
        </span>
      ) : null}
    </div>
  );
}

function OpenLots() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const query = useLotsOpenForApplication();
  return (
    <Panel id="open-lots" title={t('features.bidder.applications.openLots')}>
      <QueryState query={query}>
        {(lots) => (
          <TableScroll label={t('features.bidder.applications.openLots')}>
            <Table
              rowKey="id"
              size="middle"
              pagination={false}
              dataSource={lots}
              locale={{ emptyText: <EmptyText>{t('features.bidder.applications.openLotsEmpty')}</EmptyText> }}
              columns={[
                { title: t('features.bidder.applications.lot'), key: 'lot', render: (_, l) => `${l.lotNumber} ${l.title}` },
                { title: t('features.bidder.apply.deposit'), key: 'deposit', render: (_, l) => <MoneyText amount={l.deposit} /> },
                {
                  title: t('features.bidder.applications.window'),
                  key: 'window',
                  render: (_, l) =>
                    l.schedule.applicationStart && l.schedule.applicationEnd
                      ? `${formatDateTime(l.schedule.applicationStart, i18n.language)} – ${formatDateTime(l.schedule.applicationEnd, i18n.language)}`
                      : '—',
                },
                {
                  title: '',
                  key: 'apply',
                  render: (_, l) =>
                    l.phase === 'applying' ? (
                      <Button type="primary" size="small" aria-label={`${t('features.bidder.applications.apply')} ${l.lotNumber}`} onClick={() => void navigate(`/bidder/lots/${l.id}/apply`)}>
                        {t('features.bidder.applications.apply')}
                      </Button>
                    ) : (
                      t('features.bidder.applications.notYetOpen')
                    ),
                },
              ]}
            />
          </TableScroll>
        )}
      </QueryState>
    </Panel>
  );
}
