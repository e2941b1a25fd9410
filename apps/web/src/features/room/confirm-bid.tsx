import { Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatWanAmount, formatYuanAmount, toChineseCapital } from '@web/lib/money';

export interface ConfirmRow {
  label: string;
  value: ReactNode;
  testId?: string;
}

/** The figures of a price in the three forms a hall reads back before a bid leaves: 元, 万元 and 大写. */
export function useMoneyRows() {
  const { t } = useTranslation();
  return (amount: string): ConfirmRow[] => [
    { label: t('features.room.bid.confirmAmount'), value: `${formatYuanAmount(amount)} ${t('common.yuan')}`, testId: 'confirm-yuan' },
    { label: t('features.room.bid.confirmWan'), value: `${formatWanAmount(amount)} ${t('common.wanYuan')}`, testId: 'confirm-wan' },
    { label: t('features.room.bid.confirmCapital'), value: toChineseCapital(amount), testId: 'confirm-capital' },
  ];
}

/**
 * The confirmation before anything is sent: the value in full, large, in every form a person checks
 * it by — how a fat-finger bid (an extra zero) is caught. Enter/OK confirms; Escape/cancel goes back.
 */
export function ConfirmBid({ open, lot, rows, note, onOk, onCancel }: { open: boolean; lot: string; rows: ConfirmRow[]; note?: string; onOk: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={t('features.room.bid.confirmTitle')}
      okText={t('features.room.bid.confirmOk')}
      cancelText={t('features.room.bid.cancel')}
      onOk={onOk}
      onCancel={onCancel}
      destroyOnHidden
      okButtonProps={{ autoFocus: true }}
    >
      <dl className="confirm-list">
        {[{ label: t('features.room.bid.confirmLot'), value: lot } as ConfirmRow, ...rows].map((r) => (
          <div key={r.label} className="confirm-row">
            <dt>{r.label}</dt>
            <dd className="confirm-value" data-testid={r.testId}>
              {r.value}
            </dd>
          </div>
        ))}
      </dl>
      <p className="confirm-note">{note ?? t('features.room.bid.confirmHint')}</p>
    </Modal>
  );
}
