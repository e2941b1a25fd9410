import { Tag } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from './api';

export type Tone = 'ok' | 'info' | 'warn' | 'bad';

const TONES: Partial<Record<ApplicationStatus, Tone>> = {
  qualified: 'ok',
  approved: 'info',
  awaiting_deposit: 'warn',
  submitted: 'info',
  under_review: 'info',
  rejected: 'bad',
  disqualified: 'bad',
};

/** A tag in one of four tones whose text keeps a 4.5:1 contrast (antd's preset colours do not at 12 px). */
export function ToneTag({ tone, children }: { tone?: Tone; children: ReactNode }) {
  return <Tag className={tone ? `tone-tag tone-${tone}` : 'tone-tag'}>{children}</Tag>;
}

export function StatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return <ToneTag tone={TONES[status]}>{t(`features.bidder.status.${status}`)}</ToneTag>;
}
