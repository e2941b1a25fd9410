import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { MoneyInput } from './money-input';

function Harness({ initial = '', min, step }: { initial?: string; min?: string; step?: string }) {
  const [value, setValue] = useState(initial);
  return <MoneyInput value={value} onChange={setValue} label="报价（元）" min={min} step={step} steps={[5]} />;
}

describe('MoneyInput', () => {
  it('shows 万元 and 大写 for a valid amount while typing', () => {
    render(<Harness />);
    fireEvent.change(screen.getByLabelText('报价（元）'), { target: { value: '13900000' } });
    expect(screen.getByText(/约 1,390 万元/)).toBeTruthy();
    expect(screen.getByText(/大写：壹仟叁佰玖拾万元整/)).toBeTruthy();
  });

  it('says what is wrong with an amount, in Chinese, and marks the input invalid', () => {
    render(<Harness />);
    const input = screen.getByLabelText('报价（元）');
    fireEvent.change(input, { target: { value: '1.005' } });
    expect(screen.getByText('金额最多两位小数（到分）')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(input, { target: { value: '5' } });
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('refuses an amount below the minimum', () => {
    render(<Harness min="10000000.00" />);
    fireEvent.change(screen.getByLabelText('报价（元）'), { target: { value: '9999999.99' } });
    expect(screen.getByText('不能低于 10000000.00 元')).toBeTruthy();
  });

  it('steppers add whole increments exactly, starting from the minimum when empty', () => {
    render(<Harness min="10000000.00" step="100000.00" />);
    const input = screen.getByLabelText<HTMLInputElement>('报价（元）');
    fireEvent.click(screen.getByRole('button', { name: '+1 加一个加价幅度' }));
    expect(input.value).toBe('10000000.00');
    fireEvent.click(screen.getByRole('button', { name: '+1 加一个加价幅度' }));
    expect(input.value).toBe('10100000.00');
    fireEvent.click(screen.getByRole('button', { name: '+5 加 5 个加价幅度' }));
    expect(input.value).toBe('10600000.00');
  });
});
