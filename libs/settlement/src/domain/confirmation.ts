import { createHash } from 'node:crypto';
import { DomainError, DomainErrors } from '@app/common/domain-error';
import type { IsoDate } from '@app/calendar/domain/calendar-day';
import { Area } from '@app/money/area';
import { formatFloorAreaSquareMetres, PRICE_UNIT_LABELS, PRICE_UNITS, saleFigures, type PriceUnit, type SaleFigures } from '@app/money/derived-figures';
import { Money } from '@app/money/money';
import { Ratio } from '@app/money/ratio';
import { shanghaiDateOf, type Deadline } from './deadlines';
import { installmentAmounts, type InstallmentAmounts, type InstallmentTermOffset } from './payment-schedule';
import type { PaymentPlan } from './settlement-settings';
import { formatVerificationCode, normalizeVerificationCode } from './verification-code';

/**
 * The transaction confirmation (成交确认书, DOMAIN.md §7), generated at the close: its content model and
 * its text, line by line, in Chinese. The PDF renderer (libs/settlement/src/document) prints exactly
 * these lines, so the document and the tests share one source.
 *
 * Decisions:
 * - The confirmation is made at the close, before the contract is signed, so its payment schedule gives
 *   each installment's term relative to the contract ("出让合同签订之日起1个月内") with exact amounts
 *   ({@link installmentAmounts}); the dated schedule belongs to the contract.
 * - The price is the winning bid in the lot's unit (元, 元/㎡ or 元/建筑㎡); the total and every derived
 *   figure come from libs/money's `saleFigures`, the one function the close, the contract, the ledger
 *   and the reports use too: total = bid × Σ area or × Σ (area × maximum plot ratio), rounded once;
 *   unit price 元/㎡ = total ÷ Σ area; 楼面地价 = total ÷ Σ (area × maximum plot ratio); 溢价率 = bid ÷
 *   start − 1 in the lot's unit. A parcel without a maximum plot ratio leaves 楼面地价 unknown (printed
 *   as not applicable), never computed with a made-up ratio.
 * - A lot of several parcels prints them all: codes, locations, areas (with their sum), uses, plot
 *   ratios and tenures, each parcel named where they differ.
 * - Amounts print as "¥125,000,000.00元" and in 大写 as "人民币壹亿贰仟伍佰万元整"; dates as "2026年1月16日"
 *   (Shanghai calendar dates); shares and rates as percentages with 2 places.
 * - A joint bid (联合竞买) lists every partner with its share (adding up to exactly 100%); the winner is
 *   the lead partner, who must be one of them (matched by credit code).
 */

export const SALE_METHODS = ['auction', 'listing', 'tender'] as const;
/** 拍卖, 挂牌, 招标. */
export type SaleMethod = (typeof SALE_METHODS)[number];

const METHOD_NAMES: Readonly<Record<SaleMethod, string>> = { auction: '拍卖', listing: '挂牌', tender: '招标' };

/** A bidder or a partner: registered name and 统一社会信用代码 (or ID number for a person). */
export interface ConfirmationParty {
  readonly name: string;
  readonly creditCode: string;
}

/** One partner of a joint bid and its share (0.6000 = 60%). */
export interface ConfirmationPartner extends ConfirmationParty {
  readonly share: Ratio;
}

/** A new project company the winner will set up to develop the parcel (项目公司); its code may not exist yet. */
export interface ProjectCompany {
  readonly name: string;
  readonly creditCode?: string;
}

export interface ConfirmationParcel {
  /** 宗地编号. */
  readonly code: string;
  /** 宗地坐落. */
  readonly location: string;
  /** 出让面积 in ㎡. */
  readonly area: Area;
  /** 规划用途 as printed, e.g. "城镇住宅用地". */
  readonly use: string;
  /** 容积率: lower bound, if any. */
  readonly plotRatioMin?: Ratio;
  /** 容积率: upper bound, if set; the floor area (and so 楼面地价) uses it. */
  readonly plotRatioMax?: Ratio;
  /** 出让年限 in years. */
  readonly tenureYears: number;
}

export interface ConfirmationInput {
  /** 出让公告编号, e.g. "泉自然资告〔2026〕3号". */
  readonly announcementNumber: string;
  /** 地块（标的）编号 within the announcement. */
  readonly lotNumber: string;
  readonly saleMethod: SaleMethod;
  /** 出让人, e.g. "泉州市自然资源和规划局". */
  readonly transferor: string;
  readonly closedAt: Date;
  /** Every parcel of the lot (at least one). */
  readonly parcels: readonly ConfirmationParcel[];
  /** The winning bidder; for a joint bid, the lead partner. */
  readonly winner: ConfirmationParty;
  /** Joint bid only: every partner (the lead included) with shares adding up to exactly 1. */
  readonly partners?: readonly ConfirmationPartner[];
  readonly projectCompany?: ProjectCompany;
  /** The unit the lot was priced and bid in. */
  readonly priceUnit: PriceUnit;
  /** 成交价 as bid, in the lot's unit. */
  readonly bidPrice: Money;
  /** 起始价, in the lot's unit. */
  readonly startPrice: Money;
  /** The winner's deposit converted to earnest money (定金), credited to the price. */
  readonly depositConverted: Money;
  readonly paymentPlan: PaymentPlan;
  /** The confirmation is signed by then. */
  readonly confirmationDeadline: Deadline;
  /** The land contract is signed by then. */
  readonly contractDeadline: Deadline;
  /** 16-character Crockford base32 code (see verification-code.ts). */
  readonly verificationCode: string;
  /** The public address that verifies the code. */
  readonly verificationUrl: string;
}

/** The input, checked, with every derived figure of the document. */
export interface ConfirmationModel extends ConfirmationInput {
  /** The Shanghai date of the close. */
  readonly closeDate: IsoDate;
  /** Canonical form (no hyphens). */
  readonly verificationCode: string;
  /** Every figure of the sale (libs/money saleFigures). */
  readonly figures: SaleFigures;
  /** 成交总价, 元 (= figures.totalPrice): what the installments split. */
  readonly price: Money;
  /** 单价, 元/㎡ of land. */
  readonly unitPrice: Money | null;
  /** 楼面价, 元/㎡ of permitted floor area; null when a parcel has no maximum plot ratio. */
  readonly floorPrice: Money | null;
  /** 溢价率 (4 places). */
  readonly premiumRate: Ratio;
  /** The installments' terms and amounts (earnest money credited). */
  readonly installments: readonly InstallmentAmounts[];
}

export const CONFIRMATION_TITLE = '国有建设用地使用权成交确认书';

/** The sections of the document, in order. */
export type ConfirmationSectionKey =
  | 'header'
  | 'parcel'
  | 'winner'
  | 'price'
  | 'payment'
  | 'deadlines'
  | 'verification'
  | 'signatures';

export interface ConfirmationSection {
  readonly key: ConfirmationSectionKey;
  /** The section heading ("一、宗地概况"), absent for the header and the signatures. */
  readonly heading?: string;
  readonly lines: readonly string[];
  /**
   * A table after the lines (the payment schedule): `rows` (header first) for the PDF, and the same
   * content as sentences, `textLines`, for the plain text. The PDF prints the rows, the text the lines.
   */
  readonly table?: { readonly rows: readonly (readonly string[])[]; readonly textLines: readonly string[] };
}

function nonBlank(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/** Checks the input and computes the derived figures; every problem is reported at once (`CONFIRMATION_INVALID`). */
export function buildConfirmation(input: ConfirmationInput): ConfirmationModel {
  const errors: { code: string; message: string; field: string }[] = [];
  const bad = (field: string, message: string, code = 'INVALID_CONFIRMATION_FIELD'): void => {
    errors.push({ code, message, field });
  };
  for (const field of ['announcementNumber', 'lotNumber', 'transferor', 'verificationUrl'] as const) {
    if (!nonBlank(input[field])) bad(field, `${field} is required`);
  }
  if (!SALE_METHODS.includes(input.saleMethod)) bad('saleMethod', `saleMethod must be one of ${SALE_METHODS.join(', ')}`);
  if (!(input.closedAt instanceof Date) || Number.isNaN(input.closedAt.getTime())) bad('closedAt', 'closedAt must be a valid instant');
  const parcels = Array.isArray(input.parcels) ? input.parcels : [];
  if (parcels.length === 0) bad('parcels', 'a confirmation names at least one parcel');
  parcels.forEach((parcel, i) => {
    const at = `parcels[${i}]`;
    if (!nonBlank(parcel.code)) bad(`${at}.code`, 'the parcel code is required');
    if (!nonBlank(parcel.location)) bad(`${at}.location`, 'the parcel location is required');
    if (!nonBlank(parcel.use)) bad(`${at}.use`, 'the planned use is required');
    if (!Area.isArea(parcel.area) || parcel.area.isZero() || parcel.area.isNegative()) bad(`${at}.area`, 'the area must be above zero');
    const max = parcel.plotRatioMax;
    if (max !== undefined && (!Ratio.isRatio(max) || max.isZero() || max.isNegative())) {
      bad(`${at}.plotRatioMax`, 'the maximum plot ratio must be above zero');
    } else if (parcel.plotRatioMin !== undefined && (parcel.plotRatioMin.isNegative() || (max !== undefined && parcel.plotRatioMin.gt(max)))) {
      bad(`${at}.plotRatioMin`, 'the minimum plot ratio must be between 0 and the maximum');
    }
    if (!Number.isSafeInteger(parcel.tenureYears) || parcel.tenureYears < 1) bad(`${at}.tenureYears`, 'the tenure must be a whole number of years ≥ 1');
  });
  if (!nonBlank(input.winner.name)) bad('winner.name', "the winner's name is required");
  if (!nonBlank(input.winner.creditCode)) bad('winner.creditCode', "the winner's credit code is required");
  if (input.partners !== undefined) {
    if (input.partners.length < 2) bad('partners', 'a joint bid has at least two partners');
    input.partners.forEach((p, i) => {
      if (!nonBlank(p.name)) bad(`partners[${i}].name`, 'the partner name is required');
      if (!nonBlank(p.creditCode)) bad(`partners[${i}].creditCode`, 'the partner credit code is required');
      if (!Ratio.isRatio(p.share) || p.share.isZero() || p.share.isNegative()) bad(`partners[${i}].share`, 'the share must be above zero');
    });
    const total = Ratio.sum(input.partners.filter((p) => Ratio.isRatio(p.share)).map((p) => p.share));
    if (!total.equalsOne()) bad('partners', `the partners' shares must add up to exactly 100%, they add up to ${total.formatPercent()}`, 'SHARES_NOT_100');
    if (!input.partners.some((p) => p.creditCode === input.winner.creditCode)) {
      bad('winner', 'the winner of a joint bid must be one of the partners (its lead)');
    }
  }
  if (input.projectCompany !== undefined && !nonBlank(input.projectCompany.name)) bad('projectCompany.name', 'the project company needs a name');
  if (!PRICE_UNITS.includes(input.priceUnit)) bad('priceUnit', `priceUnit must be one of ${PRICE_UNITS.join(', ')}`);
  if (!Money.isMoney(input.bidPrice) || !input.bidPrice.isPositive()) bad('bidPrice', 'the price must be above zero');
  if (!Money.isMoney(input.startPrice) || !input.startPrice.isPositive()) bad('startPrice', 'the start price must be above zero');
  if (!Money.isMoney(input.depositConverted) || input.depositConverted.isNegative()) bad('depositConverted', 'the converted deposit must be ≥ 0');
  let code = '';
  try {
    code = normalizeVerificationCode(input.verificationCode);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    bad('verificationCode', e.message);
  }
  let figures: SaleFigures | undefined;
  if (errors.length === 0) {
    try {
      figures = saleFigures({ priceUnit: input.priceUnit, bidPrice: input.bidPrice, startPrice: input.startPrice, parcels });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      bad(e.field === 'plotRatioMax' ? 'parcels' : (e.field ?? 'bidPrice'), e.message, e.code);
    }
  }
  if (errors.length > 0 || figures === undefined) {
    throw new DomainErrors('CONFIRMATION_INVALID', `${errors.length} problem(s) in the confirmation`, errors);
  }
  const installments = installmentAmounts(figures.totalPrice, input.paymentPlan, input.depositConverted);
  return Object.freeze({
    ...input,
    verificationCode: code,
    closeDate: shanghaiDateOf(input.closedAt, 'closedAt'),
    figures,
    price: figures.totalPrice,
    unitPrice: figures.unitPrice,
    floorPrice: figures.floorPrice,
    premiumRate: figures.premiumRate,
    installments: Object.freeze(installments),
  });
}

function plotRatioText(p: ConfirmationParcel): string {
  if (p.plotRatioMax === undefined) return p.plotRatioMin === undefined ? '未规定' : `不小于${formatPlotRatio(p.plotRatioMin)}`;
  return p.plotRatioMin === undefined ? `不大于${formatPlotRatio(p.plotRatioMax)}` : `${formatPlotRatio(p.plotRatioMin)}至${formatPlotRatio(p.plotRatioMax)}`;
}

/** One value for every parcel when they agree ("70年"), else each parcel named ("A 70年；B 40年"). */
function perParcel(parcels: readonly ConfirmationParcel[], valueOf: (p: ConfirmationParcel) => string): string {
  const values = parcels.map(valueOf);
  if (values.every((v) => v === values[0])) return values[0] ?? '';
  return parcels.map((p, i) => `${p.code} ${values[i]}`).join('；');
}

/** 一、宗地概况: one parcel as it always was; several with their sum and each parcel named where they differ. */
function parcelLines(parcels: readonly ConfirmationParcel[], figures: SaleFigures): string[] {
  const several = parcels.length > 1;
  const area = several
    ? `${figures.landArea.formatSquareMetres()}（${parcels.map((p) => `${p.code} ${p.area.formatSquareMetres()}`).join('；')}）`
    : figures.landArea.formatSquareMetres();
  return [
    `宗地编号：${parcels.map((p) => p.code).join('、')}`,
    `宗地坐落：${parcels.map((p) => p.location).join('；')}`,
    `出让面积：${area}`,
    `规划用途：${perParcel(parcels, (p) => p.use)}`,
    `容积率：${perParcel(parcels, plotRatioText)}`,
    ...(figures.floorArea ? [`规划建筑面积：${formatFloorAreaSquareMetres(figures.floorArea)}（出让面积×容积率上限）`] : []),
    `出让年限：${perParcel(parcels, (p) => `${p.tenureYears}年`)}`,
  ];
}

/** "2026-01-16" → "2026年1月16日". */
export function formatChineseDate(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${Number(y)}年${Number(m)}月${Number(d)}日`;
}

/** "¥125,000,000.00元". */
export function formatYuanFigures(amount: Money): string {
  return `¥${amount.formatYuan()}`;
}

/** "人民币壹亿贰仟伍佰万元整". */
export function formatYuanWords(amount: Money): string {
  return `人民币${amount.toChineseCapital()}`;
}

/** A plot ratio as printed: trailing zeros dropped ("2.5000" → "2.5", "3.0000" → "3.0"). */
export function formatPlotRatio(r: Ratio): string {
  const d = r.toDecimal();
  return d.decimalPlaces() === 0 ? d.toFixed(1) : d.toString();
}

/** "出让合同签订之日起1个月内" / "…12个月内" / "…60日内". */
export function formatTerm(within: InstallmentTermOffset): string {
  if ('days' in within) return within.days === 0 ? '出让合同签订当日' : `出让合同签订之日起${within.days}日内`;
  return within.months === 0 ? '出让合同签订当日' : `出让合同签订之日起${within.months}个月内`;
}

function partyText(p: ConfirmationParty): string {
  return `${p.name}（统一社会信用代码：${p.creditCode}）`;
}

/** The payment table: a header row and one row per installment (期次, 缴款期限, 比例, 应缴金额, 定金抵作, 实缴金额). */
export function paymentTableRows(model: ConfirmationModel): string[][] {
  return [
    ['期次', '缴款期限', '比例', '应缴金额（元）', '定金抵作（元）', '实缴金额（元）'],
    ...model.installments.map((i) => [
      `第${i.number}期`,
      formatTerm(i.within),
      i.share.formatPercent(2),
      i.amount.formatYuan().replace(/元$/, ''),
      i.creditedEarnest.formatYuan().replace(/元$/, ''),
      i.payable.formatYuan().replace(/元$/, ''),
    ]),
  ];
}

/** The document's sections in order; {@link confirmationText} flattens them. */
export function confirmationSections(model: ConfirmationModel): ConfirmationSection[] {
  const { parcels, figures } = model;
  const joint = model.partners !== undefined;
  const winnerLabel = joint ? `${model.winner.name}等${model.partners?.length ?? 0}家单位（联合竞买）` : model.winner.name;
  const unitSuffix = PRICE_UNIT_LABELS[model.priceUnit].replace(/^元/, '');
  const measure = model.priceUnit === 'per_floor_area' ? `规划建筑面积${figures.floorArea ? formatFloorAreaSquareMetres(figures.floorArea) : ''}` : `出让面积${figures.landArea.formatSquareMetres()}`;

  const winnerLines = [`竞得人：${partyText(model.winner)}`];
  if (model.partners !== undefined) {
    winnerLines.push('联合竞买人及出资比例：');
    for (const p of model.partners) {
      const lead = p.creditCode === model.winner.creditCode ? '（牵头人）' : '';
      winnerLines.push(`${p.name}（统一社会信用代码：${p.creditCode}），出资比例${p.share.formatPercent(2)}${lead}`);
    }
  }
  if (model.projectCompany !== undefined) {
    const code = model.projectCompany.creditCode ? `（统一社会信用代码：${model.projectCompany.creditCode}）` : '';
    winnerLines.push(`新设项目公司：${model.projectCompany.name}${code}`);
  }

  const paymentLines = [
    `竞买保证金${formatYuanFigures(model.depositConverted)}（大写：${formatYuanWords(model.depositConverted)}）转作定金，抵作土地出让价款。`,
    '土地出让价款按以下期限缴付（自出让合同签订之日起计算）：',
  ];
  const installmentLines = model.installments.map(
      (i) =>
        `第${i.number}期：${formatTerm(i.within)}缴付成交价款的${i.share.formatPercent(2)}，计${formatYuanFigures(i.amount)}，` +
        `其中定金抵作${formatYuanFigures(i.creditedEarnest)}，实缴${formatYuanFigures(i.payable)}。`,
  );

  const signatureParties = model.partners ?? [model.winner];
  return [
    {
      key: 'header',
      lines: [
        `出让公告编号：${model.announcementNumber}`,
        `地块编号：${model.lotNumber}`,
        `${winnerLabel}于${formatChineseDate(model.closeDate)}在${model.transferor}组织的${model.announcementNumber}公告` +
          `${model.lotNumber}地块国有建设用地使用权${METHOD_NAMES[model.saleMethod]}出让活动中竞得该地块，现将成交事项确认如下：`,
      ],
    },
    {
      key: 'parcel',
      heading: '一、宗地概况',
      lines: parcelLines(parcels, figures),
    },
    { key: 'winner', heading: '二、竞得人', lines: winnerLines },
    {
      key: 'price',
      heading: '三、成交价款',
      lines: [
        ...(model.priceUnit === 'total' ? [] : [`计价方式：按${model.priceUnit === 'per_floor_area' ? '规划建筑面积' : '出让面积'}单价报价（${PRICE_UNIT_LABELS[model.priceUnit]}）`, `成交报价：${formatYuanFigures(figures.bidPrice)}${unitSuffix}`]),
        `成交总价：${formatYuanFigures(model.price)}${model.priceUnit === 'total' ? '' : `（成交报价×${measure}）`}`,
        `大写：${formatYuanWords(model.price)}`,
        `起始价：${formatYuanFigures(model.startPrice)}${unitSuffix}${model.priceUnit === 'total' ? '' : `（折合总价${formatYuanFigures(figures.startTotal)}）`}`,
        ...(model.unitPrice ? [`成交单价：${model.unitPrice.formatYuan()}/㎡（按出让面积）`] : []),
        model.floorPrice ? `楼面地价：${model.floorPrice.formatYuan()}/㎡（按最大容积率计算的建筑面积）` : '楼面地价：不适用（宗地未规定容积率上限）',
        `溢价率：${model.premiumRate.formatPercent(2)}`,
      ],
    },
    {
      key: 'payment',
      heading: '四、定金及价款缴付',
      lines: paymentLines,
      table: { rows: paymentTableRows(model), textLines: installmentLines },
    },
    {
      key: 'deadlines',
      heading: '五、签约期限',
      lines: [
        `竞得人应于${formatChineseDate(model.confirmationDeadline.date)}（含当日）前签订本成交确认书。`,
        `竞得人应于${formatChineseDate(model.contractDeadline.date)}（含当日）前与出让人签订《国有建设用地使用权出让合同》；` +
          '逾期未签订的，竞买保证金不予退还，并依法承担相应责任。',
      ],
    },
    {
      key: 'verification',
      heading: '六、确认书验证',
      lines: [`验证码：${formatVerificationCode(model.verificationCode)}`, `验证网址：${model.verificationUrl}`],
    },
    {
      key: 'signatures',
      lines: [
        `出让人（盖章）：${model.transferor}`,
        '法定代表人或委托代理人（签字）：______________',
        '日期：______年____月____日',
        ...signatureParties.flatMap((p) => [
          `${joint ? '联合竞买人' : '竞得人'}（盖章）：${p.name}`,
          '法定代表人或委托代理人（签字）：______________',
          '日期：______年____月____日',
        ]),
      ],
    },
  ];
}

/** The document as ordered lines: the title, then each section's heading (if any), lines and table lines. */
export function confirmationText(model: ConfirmationModel): string[] {
  return [
    CONFIRMATION_TITLE,
    ...confirmationSections(model).flatMap((s) => [...(s.heading ? [s.heading] : []), ...s.lines, ...(s.table?.textLines ?? [])]),
  ];
}

/** SHA-256 of the document bytes, lowercase hex (64 characters): what the verification page shows. */
export function documentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
