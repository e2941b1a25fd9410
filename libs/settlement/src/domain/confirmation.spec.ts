import { createHash } from 'node:crypto';
import { DomainErrors } from '@app/common/domain-error';
import { Area } from '@app/money/area';
import { Money } from '@app/money/money';
import { Ratio } from '@app/money/ratio';
import {
  buildConfirmation,
  CONFIRMATION_TITLE,
  confirmationSections,
  confirmationText,
  documentHash,
  formatChineseDate,
  formatYuanFigures,
  formatYuanWords,
  paymentTableRows,
} from './confirmation';
import { jointBidConfirmationInput } from './confirmation.fixtures';
import { paymentPlanOf, SETTLEMENT_DEFAULTS } from './settlement-settings';
import { parseIsoDate } from '@app/calendar/domain/calendar-day';

function errorsOf(fn: () => unknown): DomainErrors {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainErrors) return e;
    throw e;
  }
  throw new Error('expected DomainErrors');
}

const single = () =>
  jointBidConfirmationInput({
    partners: undefined,
    projectCompany: undefined,
    winner: { name: '寿光市弥河置业有限公司', creditCode: '91370783MA3C4Y1X2K' },
  });

describe('the transaction confirmation (成交确认书)', () => {
  it('prints the price in figures and in 大写', () => {
    expect(formatYuanFigures(Money.parse('125000000.00'))).toBe('¥125,000,000.00元');
    expect(formatYuanWords(Money.parse('125000000.00'))).toBe('人民币壹亿贰仟伍佰万元整');
    const text = confirmationText(buildConfirmation(jointBidConfirmationInput()));
    expect(text).toContain('成交总价：¥125,000,000.00元');
    expect(text).toContain('大写：人民币壹亿贰仟伍佰万元整');
  });

  it('computes unit price, floor price and premium rate from exact values', () => {
    const model = buildConfirmation(jointBidConfirmationInput());
    // 125,000,000 ÷ 35,000 = 3,571.428… ; ÷ (35,000 × 2.5) = 1,428.571… ; 125 ÷ 100 − 1 = 25%
    expect(model.unitPrice?.toString()).toBe('3571.43');
    expect(model.floorPrice?.toString()).toBe('1428.57');
    expect(model.premiumRate.toString()).toBe('0.2500');
    expect(model.closeDate).toBe('2026-03-10');
    const text = confirmationText(model);
    expect(text).toContain('成交单价：3,571.43元/㎡（按出让面积）');
    expect(text).toContain('楼面地价：1,428.57元/㎡（按最大容积率计算的建筑面积）');
    expect(text).toContain('溢价率：25.00%');
  });

  it('lists the contents of DOMAIN §7 in document order', () => {
    const text = confirmationText(buildConfirmation(jointBidConfirmationInput()));
    const at = (needle: string): number => {
      const index = text.findIndex((l) => l.includes(needle));
      expect(index).toBeGreaterThanOrEqual(0);
      return index;
    };
    const order = [
      CONFIRMATION_TITLE,
      '出让公告编号：寿自然资告字〔2026〕3号',
      '地块编号：SG2026-05',
      '宗地编号：370783-2026-005',
      '宗地坐落：',
      '出让面积：35,000.00㎡',
      '规划用途：城镇住宅用地',
      '容积率：1.0至2.5',
      '出让年限：70年',
      '竞得人：寿光市弥河置业有限公司（统一社会信用代码：91370783MA3C4Y1X2K）',
      '联合竞买人及出资比例：',
      '新设项目公司：寿光市现代商城置业有限公司',
      '成交总价：',
      '大写：人民币壹亿贰仟伍佰万元整',
      '竞买保证金¥20,000,000.00元（大写：人民币贰仟万元整）转作定金',
      '第1期：',
      '第2期：',
      '2026年3月17日（含当日）前签订本成交确认书',
      '2026年3月24日（含当日）前与出让人签订《国有建设用地使用权出让合同》',
      '验证码：7K3M-9QX2-B4TR-0WZD',
      '验证网址：https://tdjy.example.gov.cn/verify/7K3M9QX2B4TR0WZD',
      '出让人（盖章）：寿光市自然资源和规划局',
      '联合竞买人（盖章）：寿光市弥河置业有限公司',
      '联合竞买人（盖章）：潍坊圣城建设发展有限公司',
    ].map(at);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text[0]).toBe(CONFIRMATION_TITLE);
  });

  it('a joint bid lists every partner with its share and marks the lead', () => {
    const text = confirmationText(buildConfirmation(jointBidConfirmationInput()));
    expect(text).toContain('寿光市弥河置业有限公司（统一社会信用代码：91370783MA3C4Y1X2K），出资比例60.00%（牵头人）');
    expect(text).toContain('潍坊圣城建设发展有限公司（统一社会信用代码：91370700MA3D8K2P5N），出资比例40.00%');
    expect(text.some((l) => l.startsWith('寿光市弥河置业有限公司等2家单位（联合竞买）于2026年3月10日'))).toBe(true);
  });

  it('a single bidder signs as 竞得人 and has no partner lines', () => {
    const text = confirmationText(buildConfirmation(single()));
    expect(text).toContain('竞得人（盖章）：寿光市弥河置业有限公司');
    expect(text.some((l) => l.includes('出资比例'))).toBe(false);
    expect(text.some((l) => l.includes('新设项目公司'))).toBe(false);
    expect(text.some((l) => l.startsWith('寿光市弥河置业有限公司于2026年3月10日'))).toBe(true);
  });

  it('the payment schedule lines credit the converted deposit to the first installment', () => {
    const model = buildConfirmation(jointBidConfirmationInput());
    const text = confirmationText(model);
    expect(text).toContain(
      '第1期：出让合同签订之日起1个月内缴付成交价款的50.00%，计¥62,500,000.00元，其中定金抵作¥20,000,000.00元，实缴¥42,500,000.00元。',
    );
    expect(text).toContain(
      '第2期：出让合同签订之日起12个月内缴付成交价款的50.00%，计¥62,500,000.00元，其中定金抵作¥0.00元，实缴¥62,500,000.00元。',
    );
    expect(paymentTableRows(model)).toEqual([
      ['期次', '缴款期限', '比例', '应缴金额（元）', '定金抵作（元）', '实缴金额（元）'],
      ['第1期', '出让合同签订之日起1个月内', '50.00%', '62,500,000.00', '20,000,000.00', '42,500,000.00'],
      ['第2期', '出让合同签订之日起12个月内', '50.00%', '62,500,000.00', '0.00', '62,500,000.00'],
    ]);
  });

  it('a full-payment plan prints one installment within N days', () => {
    const model = buildConfirmation(jointBidConfirmationInput({ paymentPlan: paymentPlanOf(SETTLEMENT_DEFAULTS, 'full') }));
    expect(confirmationText(model)).toContain(
      '第1期：出让合同签订之日起60日内缴付成交价款的100.00%，计¥125,000,000.00元，其中定金抵作¥20,000,000.00元，实缴¥105,000,000.00元。',
    );
  });

  it('the text is the sections flattened, the payment table given as sentences', () => {
    const model = buildConfirmation(jointBidConfirmationInput());
    const sections = confirmationSections(model);
    expect(sections.map((s) => s.key)).toEqual(['header', 'parcel', 'winner', 'price', 'payment', 'deadlines', 'verification', 'signatures']);
    const count = 1 + sections.reduce((n, s) => n + (s.heading ? 1 : 0) + s.lines.length + (s.table?.textLines.length ?? 0), 0);
    expect(confirmationText(model)).toHaveLength(count);
  });

  it("the partners' shares must add up to exactly 100% and the winner must be one of them", () => {
    const e = errorsOf(() =>
      buildConfirmation(
        jointBidConfirmationInput({
          partners: [
            { name: '甲公司', creditCode: '91370700MA3D8K2P5A', share: Ratio.fromPercentString('60') },
            { name: '乙公司', creditCode: '91370700MA3D8K2P5B', share: Ratio.fromPercentString('39.99') },
          ],
        }),
      ),
    );
    expect(e.code).toBe('CONFIRMATION_INVALID');
    expect(e.errors.map((x) => [x.code, x.field])).toEqual([
      ['SHARES_NOT_100', 'partners'],
      ['INVALID_CONFIRMATION_FIELD', 'winner'],
    ]);
    expect(e.errors[0].message).toContain('99.99%');
  });

  it('reports every missing or invalid field at once', () => {
    const base = jointBidConfirmationInput();
    const e = errorsOf(() =>
      buildConfirmation({
        ...base,
        lotNumber: ' ',
        parcels: [{ ...base.parcels[0], tenureYears: 0 }],
        bidPrice: Money.zero(),
        verificationCode: 'UUUU',
      }),
    );
    expect(e.errors.map((x) => x.field)).toEqual(['lotNumber', 'parcels[0].tenureYears', 'bidPrice', 'verificationCode']);
  });

  const twoParcels = () => {
    const base = jointBidConfirmationInput().parcels[0]!;
    return [base, { ...base, code: '370783-2026-006', area: Area.parse('10000.00'), use: '商服用地', plotRatioMin: undefined, plotRatioMax: Ratio.parse('4.0000'), tenureYears: 40 }];
  };

  it('a lot of several parcels: the floor area sums every parcel at its maximum plot ratio, not the first parcel’s ratio', () => {
    const model = buildConfirmation(jointBidConfirmationInput({ parcels: twoParcels() }));
    // land 45,000㎡; floor 35,000 × 2.5 + 10,000 × 4.0 = 127,500㎡
    expect(model.unitPrice?.toString()).toBe('2777.78');
    expect(model.floorPrice?.toString()).toBe('980.39');
    const text = confirmationText(model);
    expect(text).toContain('宗地编号：370783-2026-005、370783-2026-006');
    expect(text).toContain('出让面积：45,000.00㎡（370783-2026-005 35,000.00㎡；370783-2026-006 10,000.00㎡）');
    expect(text).toContain('规划用途：370783-2026-005 城镇住宅用地；370783-2026-006 商服用地');
    expect(text).toContain('容积率：370783-2026-005 1.0至2.5；370783-2026-006 不大于4.0');
    expect(text).toContain('规划建筑面积：127,500.00㎡（出让面积×容积率上限）');
    expect(text).toContain('出让年限：370783-2026-005 70年；370783-2026-006 40年');
  });

  it('a parcel without a maximum plot ratio: 楼面地价 is not applicable, never computed with a ratio of 1.0', () => {
    const [a, b] = twoParcels();
    const model = buildConfirmation(jointBidConfirmationInput({ parcels: [a!, { ...b!, plotRatioMax: undefined }] }));
    expect(model.floorPrice).toBeNull();
    expect(confirmationText(model)).toContain('楼面地价：不适用（宗地未规定容积率上限）');
    const e = errorsOf(() => buildConfirmation(jointBidConfirmationInput({ priceUnit: 'per_floor_area', bidPrice: Money.parse('1000.00'), startPrice: Money.parse('900.00'), parcels: [a!, { ...b!, plotRatioMax: undefined }] })));
    expect(e.errors.map((x) => [x.code, x.field])).toEqual([['FLOOR_AREA_UNKNOWN', 'parcels']]);
  });

  it('a price per ㎡ of floor area: the total is the bid × floor area, and the installments split that total', () => {
    const model = buildConfirmation(
      jointBidConfirmationInput({ parcels: twoParcels(), priceUnit: 'per_floor_area', bidPrice: Money.parse('980.39'), startPrice: Money.parse('800.00') }),
    );
    // 980.39 × 127,500 = 124,999,725.00
    expect(model.price.toString()).toBe('124999725.00');
    expect(model.figures.startTotal.toString()).toBe('102000000.00');
    expect(model.floorPrice?.toString()).toBe('980.39');
    expect(model.premiumRate.toString()).toBe('0.2255'); // 980.39 ÷ 800 − 1 = 0.2254875
    expect(Money.sum(model.installments.map((i) => i.amount)).toString()).toBe('124999725.00');
    const text = confirmationText(model);
    expect(text).toContain('计价方式：按规划建筑面积单价报价（元/建筑㎡）');
    expect(text).toContain('成交报价：¥980.39元/建筑㎡');
    expect(text).toContain('成交总价：¥124,999,725.00元（成交报价×规划建筑面积127,500.00㎡）');
    expect(text).toContain('起始价：¥800.00元/建筑㎡（折合总价¥102,000,000.00元）');
    expect(text).toContain('大写：人民币壹亿贰仟肆佰玖拾玖万玖仟柒佰贰拾伍元整');
  });

  it('the verification code is kept in canonical form and printed in groups of four', () => {
    const model = buildConfirmation(jointBidConfirmationInput({ verificationCode: '7k3m-9qx2-b4tr-owzd' }));
    expect(model.verificationCode).toBe('7K3M9QX2B4TR0WZD');
    expect(confirmationText(model)).toContain('验证码：7K3M-9QX2-B4TR-0WZD');
  });

  it('dates are printed the Chinese way without leading zeros', () => {
    expect(formatChineseDate(parseIsoDate('2026-03-07'))).toBe('2026年3月7日');
    expect(formatChineseDate(parseIsoDate('2026-12-31'))).toBe('2026年12月31日');
  });

  it('documentHash is the lowercase SHA-256 hex of the bytes', () => {
    const bytes = Buffer.from('成交确认书', 'utf8');
    expect(documentHash(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(documentHash(new Uint8Array())).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
