import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { formatDateTime } from '@web/lib/date-time';
import { useApplication, useConfirmation } from './api';
import { QueryState } from '@web/components/query-state';

/** 竞买资格确认书: the server's text with the bidder number and its confirmation code, laid out for printing. */
export function CertificatePage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const query = useConfirmation(id);
  const app = useApplication(id);
  return (
    <QueryState query={query}>
      {(c) => (
        <article className="certificate" aria-labelledby="certificate-title">
          <h1 id="certificate-title">{c.title}</h1>
          <p className="certificate-text">{c.text}</p>
          <dl className="field-list">
            <dt>{t('features.bidder.certificate.lot')}</dt>
            <dd>
              {c.lotNumber} {c.lotTitle}
            </dd>
            <dt>{t('features.bidder.certificate.applicant')}</dt>
            <dd>{c.applicant}</dd>
            <dt>{t('features.bidder.certificate.bidderNumber')}</dt>
            <dd className="big-number" data-testid="certificate-number">
              {c.bidderNumber}
            </dd>
            <dt>{t('features.bidder.certificate.code')}</dt>
            <dd>{c.confirmationCode}</dd>
            <dt>{t('features.bidder.certificate.qualifiedAt')}</dt>
            <dd>{formatDateTime(c.qualifiedAt, i18n.language)}</dd>
          </dl>
          <p className="certificate-foot">{t('features.bidder.certificate.issuer')}</p>
          <div className="actions no-print">
            <Button type="primary" onClick={() => window.print()}>
              {t('features.bidder.certificate.print')}
            </Button>
            {app.data ? (
              <Link className="room-link" to={`/room/lots/${app.data.lotId}`}>
                {t('features.bidder.certificate.room')}
              </Link>
            ) : null}
          </div>
        </article>
      )}
    </QueryState>
  );
}
