import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { LotSnapshot } from '@app/contracts';
import { readBidTerms } from '@web/lib/lot-room/bid-terms';
import { ServerClock } from '@web/lib/server-clock';
import { BidPanel, type BidPanelProps } from './bid-panel';

const VIEW: LotSnapshot = {
  lotId: '11111111-1111-4111-8111-111111111111', lotNumber: 'L01', method: 'listing', phase: 'timed_round', seq: 5, serverTime: '2027-01-18T07:00:00.000Z',
  currentPrice: '10500000.00', leaderNumber: '027', deadline: '2027-01-18T07:02:00.000Z', opensAt: null, increment: '500000.00', minimumNextPrice: '11000000.00',
  capMode: null, capPrice: null, leadingArea: null, leadingShare: null, outcome: null, practice: false,
};

function panel(over: Partial<BidPanelProps> = {}) {
  const send = vi.fn<BidPanelProps['send']>().mockResolvedValue('committed');
  render(<BidPanel view={VIEW} you="018" terms={readBidTerms({ incrementPolicy: 'whole_multiple' })} lotLabel="L01 测试地块" submissions={[]} send={send} clock={new ServerClock()} {...over} />);
  return send;
}

describe('the bid panel', () => {
  it('sends nothing before the confirmation, which reads the price in 元, 万元 and 大写; then sends the canonical price', async () => {
    const send = panel();
    fireEvent.change(screen.getByLabelText('报价（元）'), { target: { value: '11,000,000' } });
    fireEvent.click(screen.getByTestId('bid-submit'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('11,000,000.00 元');
    expect(dialog.textContent).toContain('1,100 万元');
    expect(dialog.textContent).toContain('壹仟壹佰万元整');
    expect(send).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: '确认出价' }));
    await waitFor(() => expect(send).toHaveBeenCalledWith('price', '11000000.00'));
  });

  it('names what is wrong with a price before it leaves, with the server’s code, and keeps 出价 disabled', () => {
    panel();
    fireEvent.change(screen.getByLabelText('报价（元）'), { target: { value: '11200000' } });
    expect(screen.getByText('报价须为加价幅度的整数倍（NOT_MULTIPLE_OF_INCREMENT）')).toBeTruthy();
    expect(screen.getByTestId<HTMLButtonElement>('bid-submit').disabled).toBe(true);
  });

  it('tells the leader it cannot outbid itself, and a spectator that it cannot bid', () => {
    panel({ you: '027' });
    expect(screen.getByText('您当前领先，不能自己加价；他人出价后可再报价。')).toBeTruthy();
    expect(screen.getByTestId<HTMLButtonElement>('bid-submit').disabled).toBe(true);
  });

  it('shows the last refusal in words, and the cap round its own input', () => {
    panel({ submissions: [{ clientBidId: 'a', kind: 'price', value: '11000000.00', status: 'refused', code: 'PRICE_TOO_LOW', message: 'price too low' }] });
    expect(screen.getByRole('alert').textContent).toContain('报价被拒绝：报价低于最低应价（PRICE_TOO_LOW）');
    panel({ view: { ...VIEW, phase: 'cap_round', capMode: 'build_in_area', capPrice: '12000000.00', leadingArea: '0.00' } });
    expect(screen.getByLabelText('配建面积（平方米）')).toBeTruthy();
  });
});
