import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from './api';

const COLOURS: Partial<Record<ApplicationStatus, string>> = {
  qualified: 'green',
  approved: 'blue',
  awaiting_deposit: 'orange',
  submitted: 'blue',
  under_review: 'blue',
  rejected: 'red',
  disqualified: 'red',
};

export function StatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return <Tag color={COLOURS[status]}>{t(`features.bidder.status.${status}`)}</Tag>;
}
