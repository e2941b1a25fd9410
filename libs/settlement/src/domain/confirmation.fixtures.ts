import { parseIsoDate } from '@app/calendar/domain/calendar-day';
import { Area } from '@app/money/area';
import { Money } from '@app/money/money';
import { Ratio } from '@app/money/ratio';
import type { ConfirmationInput } from './confirmation';
import { deadlineOn } from './deadlines';
import { paymentPlanOf, SETTLEMENT_DEFAULTS } from './settlement-settings';

/**
 * Test data only (demo, modelled on DOMAIN.md §10 — Shouguang): a joint-bid sale of a residential
 * parcel at ¥125,000,000.00 (start ¥100,000,000.00, deposit ¥20,000,000.00), closed on Tuesday
 * 2026-03-10 at 15:00 Shanghai time. Credit codes are made up.
 */
export function jointBidConfirmationInput(overrides: Partial<ConfirmationInput> = {}): ConfirmationInput {
  return {
    announcementNumber: '寿自然资告字〔2026〕3号',
    lotNumber: 'SG2026-05',
    saleMethod: 'listing',
    transferor: '寿光市自然资源和规划局',
    closedAt: new Date('2026-03-10T07:00:00.000Z'),
    parcels: [
      {
        code: '370783-2026-005',
        location: '寿光市圣城街以东、现代商城以北（演示数据）',
        area: Area.parse('35000.00'),
        use: '城镇住宅用地',
        plotRatioMin: Ratio.parse('1.0000'),
        plotRatioMax: Ratio.parse('2.5000'),
        tenureYears: 70,
      },
    ],
    winner: { name: '寿光市弥河置业有限公司', creditCode: '91370783MA3C4Y1X2K' },
    partners: [
      { name: '寿光市弥河置业有限公司', creditCode: '91370783MA3C4Y1X2K', share: Ratio.fromPercentString('60') },
      { name: '潍坊圣城建设发展有限公司', creditCode: '91370700MA3D8K2P5N', share: Ratio.fromPercentString('40') },
    ],
    projectCompany: { name: '寿光市现代商城置业有限公司' },
    priceUnit: 'total',
    bidPrice: Money.parse('125000000.00'),
    startPrice: Money.parse('100000000.00'),
    depositConverted: Money.parse('20000000.00'),
    paymentPlan: paymentPlanOf(SETTLEMENT_DEFAULTS),
    confirmationDeadline: deadlineOn(parseIsoDate('2026-03-17')),
    contractDeadline: deadlineOn(parseIsoDate('2026-03-24')),
    verificationCode: '7K3M9QX2B4TR0WZD',
    verificationUrl: 'https://tdjy.example.gov.cn/verify/7K3M9QX2B4TR0WZD',
    ...overrides,
  };
}
