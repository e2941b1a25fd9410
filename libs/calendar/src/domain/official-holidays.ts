import type { IsoDate } from './calendar-day';
import { dayOverridesFrom, type DayKind } from './working-days';

/**
 * The public-holiday schedules published each year by the General Office of the State Council
 * (国务院办公厅关于XXXX年部分节假日安排的通知), as data.
 *
 * One row per day:
 *  - `holiday` — every day of each holiday period as the notice states it (放假), weekend days inside
 *    the period included so the table reads like the notice (only the weekday rows change a count);
 *  - `workday` — the make-up working days (调休上班), always a Saturday or a Sunday, named after the
 *    holiday they pay for, e.g. `春节调休上班`.
 *
 * Years covered: 2020 through 2026, each checked against the notice text as published by Xinhua /
 * 中国政府网 and reprinted in the State Council Gazette and by government sites. Years before 2020 are
 * left out (not needed for live deadlines); 2027 onwards is not published yet — add a year only from
 * its notice, never by guessing. Local rules (e.g. 地方性节日) are not here: staff add those as their
 * own override rows.
 *
 * Each year block quotes the notice item above its rows; the comment at the end of each row gives
 * the day of the week (周一 … 周日).
 */
export interface OfficialDayOverride {
  readonly date: string;
  readonly kind: DayKind;
  readonly name: string;
}

/** The notices the table is taken from, one per year. */
export interface OfficialHolidayNotice {
  /** The year the schedule is for. */
  readonly year: number;
  readonly title: string;
  /** 发文字号. */
  readonly documentNumber: string;
  /** 成文日期, YYYY-MM-DD. */
  readonly issued: string;
  /** Later notices that changed the schedule, if any. */
  readonly amendedBy?: ReadonlyArray<{ readonly title: string; readonly documentNumber: string; readonly issued: string }>;
}

export const OFFICIAL_HOLIDAY_NOTICES: readonly OfficialHolidayNotice[] = [
  {
    year: 2020,
    title: '国务院办公厅关于2020年部分节假日安排的通知',
    documentNumber: '国办发明电〔2019〕16号',
    issued: '2019-11-21',
    amendedBy: [{ title: '国务院办公厅关于延长2020年春节假期的通知', documentNumber: '国办发明电〔2020〕1号', issued: '2020-01-26' }],
  },
  { year: 2021, title: '国务院办公厅关于2021年部分节假日安排的通知', documentNumber: '国办发明电〔2020〕27号', issued: '2020-11-25' },
  { year: 2022, title: '国务院办公厅关于2022年部分节假日安排的通知', documentNumber: '国办发明电〔2021〕11号', issued: '2021-10-25' },
  { year: 2023, title: '国务院办公厅关于2023年部分节假日安排的通知', documentNumber: '国办发明电〔2022〕16号', issued: '2022-12-08' },
  { year: 2024, title: '国务院办公厅关于2024年部分节假日安排的通知', documentNumber: '国办发明电〔2023〕7号', issued: '2023-10-25' },
  { year: 2025, title: '国务院办公厅关于2025年部分节假日安排的通知', documentNumber: '国办发明电〔2024〕12号', issued: '2024-11-12' },
  { year: 2026, title: '国务院办公厅关于2026年部分节假日安排的通知', documentNumber: '国办发明电〔2025〕7号', issued: '2025-11-04' },
];

/**
 * Every day of the official schedules 2020–2026, year by year and, within a year, item by item as
 * the notice lists them (so a make-up day sits under the holiday it pays for, which is not always
 * date order: 2026-09-20 belongs to 国庆节 but precedes 中秋节).
 */
export const OFFICIAL_DAY_OVERRIDES: readonly OfficialDayOverride[] = [
  // 2020 — 国务院办公厅关于2020年部分节假日安排的通知（国办发明电〔2019〕16号，2019年11月21日），
  // as amended by 国务院办公厅关于延长2020年春节假期的通知（国办发明电〔2020〕1号，2020年1月26日）:
  // the Spring Festival break (originally 1月24日至30日, 共7天) was extended to 2月2日 (星期日) for
  // epidemic control, with work resuming 2月3日; the make-up working day of 2月1日 (星期六) was thereby
  // cancelled and is a day off here. The 1月19日 (星期日) make-up working day had already been worked.
  // 一、元旦：2020年1月1日放假，共1天。
  { date: '2020-01-01', kind: 'holiday', name: '元旦' }, // 周三
  // 二、春节：1月24日至30日放假调休，共7天。1月19日（星期日）、2月1日（星期六）上班。（延长至2月2日，见上）
  { date: '2020-01-19', kind: 'workday', name: '春节调休上班' }, // 周日
  { date: '2020-01-24', kind: 'holiday', name: '春节' }, // 周五
  { date: '2020-01-25', kind: 'holiday', name: '春节' }, // 周六
  { date: '2020-01-26', kind: 'holiday', name: '春节' }, // 周日
  { date: '2020-01-27', kind: 'holiday', name: '春节' }, // 周一
  { date: '2020-01-28', kind: 'holiday', name: '春节' }, // 周二
  { date: '2020-01-29', kind: 'holiday', name: '春节' }, // 周三
  { date: '2020-01-30', kind: 'holiday', name: '春节' }, // 周四
  { date: '2020-01-31', kind: 'holiday', name: '春节' }, // 周五 — 延长假期（国办发明电〔2020〕1号）
  { date: '2020-02-01', kind: 'holiday', name: '春节' }, // 周六 — 延长假期；原定调休上班取消
  { date: '2020-02-02', kind: 'holiday', name: '春节' }, // 周日 — 延长假期
  // 三、清明节：4月4日至6日放假调休，共3天。
  { date: '2020-04-04', kind: 'holiday', name: '清明节' }, // 周六
  { date: '2020-04-05', kind: 'holiday', name: '清明节' }, // 周日
  { date: '2020-04-06', kind: 'holiday', name: '清明节' }, // 周一
  // 四、劳动节：5月1日至5日放假调休，共5天。4月26日（星期日）、5月9日（星期六）上班。
  { date: '2020-04-26', kind: 'workday', name: '劳动节调休上班' }, // 周日
  { date: '2020-05-01', kind: 'holiday', name: '劳动节' }, // 周五
  { date: '2020-05-02', kind: 'holiday', name: '劳动节' }, // 周六
  { date: '2020-05-03', kind: 'holiday', name: '劳动节' }, // 周日
  { date: '2020-05-04', kind: 'holiday', name: '劳动节' }, // 周一
  { date: '2020-05-05', kind: 'holiday', name: '劳动节' }, // 周二
  { date: '2020-05-09', kind: 'workday', name: '劳动节调休上班' }, // 周六
  // 五、端午节：6月25日至27日放假调休，共3天。6月28日（星期日）上班。
  { date: '2020-06-25', kind: 'holiday', name: '端午节' }, // 周四
  { date: '2020-06-26', kind: 'holiday', name: '端午节' }, // 周五
  { date: '2020-06-27', kind: 'holiday', name: '端午节' }, // 周六
  { date: '2020-06-28', kind: 'workday', name: '端午节调休上班' }, // 周日
  // 六、国庆节、中秋节：10月1日至8日放假调休，共8天。9月27日（星期日）、10月10日（星期六）上班。
  { date: '2020-09-27', kind: 'workday', name: '国庆节、中秋节调休上班' }, // 周日
  { date: '2020-10-01', kind: 'holiday', name: '国庆节、中秋节' }, // 周四
  { date: '2020-10-02', kind: 'holiday', name: '国庆节、中秋节' }, // 周五
  { date: '2020-10-03', kind: 'holiday', name: '国庆节、中秋节' }, // 周六
  { date: '2020-10-04', kind: 'holiday', name: '国庆节、中秋节' }, // 周日
  { date: '2020-10-05', kind: 'holiday', name: '国庆节、中秋节' }, // 周一
  { date: '2020-10-06', kind: 'holiday', name: '国庆节、中秋节' }, // 周二
  { date: '2020-10-07', kind: 'holiday', name: '国庆节、中秋节' }, // 周三
  { date: '2020-10-08', kind: 'holiday', name: '国庆节、中秋节' }, // 周四
  { date: '2020-10-10', kind: 'workday', name: '国庆节、中秋节调休上班' }, // 周六

  // 2021 — 国务院办公厅关于2021年部分节假日安排的通知（国办发明电〔2020〕27号，2020年11月25日）.
  // 一、元旦：2021年1月1日至3日放假，共3天。
  { date: '2021-01-01', kind: 'holiday', name: '元旦' }, // 周五
  { date: '2021-01-02', kind: 'holiday', name: '元旦' }, // 周六
  { date: '2021-01-03', kind: 'holiday', name: '元旦' }, // 周日
  // 二、春节：2月11日至17日放假调休，共7天。2月7日（星期日）、2月20日（星期六）上班。
  { date: '2021-02-07', kind: 'workday', name: '春节调休上班' }, // 周日
  { date: '2021-02-11', kind: 'holiday', name: '春节' }, // 周四
  { date: '2021-02-12', kind: 'holiday', name: '春节' }, // 周五
  { date: '2021-02-13', kind: 'holiday', name: '春节' }, // 周六
  { date: '2021-02-14', kind: 'holiday', name: '春节' }, // 周日
  { date: '2021-02-15', kind: 'holiday', name: '春节' }, // 周一
  { date: '2021-02-16', kind: 'holiday', name: '春节' }, // 周二
  { date: '2021-02-17', kind: 'holiday', name: '春节' }, // 周三
  { date: '2021-02-20', kind: 'workday', name: '春节调休上班' }, // 周六
  // 三、清明节：4月3日至5日放假调休，共3天。
  { date: '2021-04-03', kind: 'holiday', name: '清明节' }, // 周六
  { date: '2021-04-04', kind: 'holiday', name: '清明节' }, // 周日
  { date: '2021-04-05', kind: 'holiday', name: '清明节' }, // 周一
  // 四、劳动节：5月1日至5日放假调休，共5天。4月25日（星期日）、5月8日（星期六）上班。
  { date: '2021-04-25', kind: 'workday', name: '劳动节调休上班' }, // 周日
  { date: '2021-05-01', kind: 'holiday', name: '劳动节' }, // 周六
  { date: '2021-05-02', kind: 'holiday', name: '劳动节' }, // 周日
  { date: '2021-05-03', kind: 'holiday', name: '劳动节' }, // 周一
  { date: '2021-05-04', kind: 'holiday', name: '劳动节' }, // 周二
  { date: '2021-05-05', kind: 'holiday', name: '劳动节' }, // 周三
  { date: '2021-05-08', kind: 'workday', name: '劳动节调休上班' }, // 周六
  // 五、端午节：6月12日至14日放假，共3天。
  { date: '2021-06-12', kind: 'holiday', name: '端午节' }, // 周六
  { date: '2021-06-13', kind: 'holiday', name: '端午节' }, // 周日
  { date: '2021-06-14', kind: 'holiday', name: '端午节' }, // 周一
  // 六、中秋节：9月19日至21日放假调休，共3天。9月18日（星期六）上班。
  { date: '2021-09-18', kind: 'workday', name: '中秋节调休上班' }, // 周六
  { date: '2021-09-19', kind: 'holiday', name: '中秋节' }, // 周日
  { date: '2021-09-20', kind: 'holiday', name: '中秋节' }, // 周一
  { date: '2021-09-21', kind: 'holiday', name: '中秋节' }, // 周二
  // 七、国庆节：10月1日至7日放假调休，共7天。9月26日（星期日）、10月9日（星期六）上班。
  { date: '2021-09-26', kind: 'workday', name: '国庆节调休上班' }, // 周日
  { date: '2021-10-01', kind: 'holiday', name: '国庆节' }, // 周五
  { date: '2021-10-02', kind: 'holiday', name: '国庆节' }, // 周六
  { date: '2021-10-03', kind: 'holiday', name: '国庆节' }, // 周日
  { date: '2021-10-04', kind: 'holiday', name: '国庆节' }, // 周一
  { date: '2021-10-05', kind: 'holiday', name: '国庆节' }, // 周二
  { date: '2021-10-06', kind: 'holiday', name: '国庆节' }, // 周三
  { date: '2021-10-07', kind: 'holiday', name: '国庆节' }, // 周四
  { date: '2021-10-09', kind: 'workday', name: '国庆节调休上班' }, // 周六

  // 2022 — 国务院办公厅关于2022年部分节假日安排的通知（国办发明电〔2021〕11号，2021年10月25日）.
  // 一、元旦：2022年1月1日至3日放假，共3天。
  { date: '2022-01-01', kind: 'holiday', name: '元旦' }, // 周六
  { date: '2022-01-02', kind: 'holiday', name: '元旦' }, // 周日
  { date: '2022-01-03', kind: 'holiday', name: '元旦' }, // 周一
  // 二、春节：1月31日至2月6日放假调休，共7天。1月29日（星期六）、1月30日（星期日）上班。
  { date: '2022-01-29', kind: 'workday', name: '春节调休上班' }, // 周六
  { date: '2022-01-30', kind: 'workday', name: '春节调休上班' }, // 周日
  { date: '2022-01-31', kind: 'holiday', name: '春节' }, // 周一
  { date: '2022-02-01', kind: 'holiday', name: '春节' }, // 周二
  { date: '2022-02-02', kind: 'holiday', name: '春节' }, // 周三
  { date: '2022-02-03', kind: 'holiday', name: '春节' }, // 周四
  { date: '2022-02-04', kind: 'holiday', name: '春节' }, // 周五
  { date: '2022-02-05', kind: 'holiday', name: '春节' }, // 周六
  { date: '2022-02-06', kind: 'holiday', name: '春节' }, // 周日
  // 三、清明节：4月3日至5日放假调休，共3天。4月2日（星期六）上班。
  { date: '2022-04-02', kind: 'workday', name: '清明节调休上班' }, // 周六
  { date: '2022-04-03', kind: 'holiday', name: '清明节' }, // 周日
  { date: '2022-04-04', kind: 'holiday', name: '清明节' }, // 周一
  { date: '2022-04-05', kind: 'holiday', name: '清明节' }, // 周二
  // 四、劳动节：4月30日至5月4日放假调休，共5天。4月24日（星期日）、5月7日（星期六）上班。
  { date: '2022-04-24', kind: 'workday', name: '劳动节调休上班' }, // 周日
  { date: '2022-04-30', kind: 'holiday', name: '劳动节' }, // 周六
  { date: '2022-05-01', kind: 'holiday', name: '劳动节' }, // 周日
  { date: '2022-05-02', kind: 'holiday', name: '劳动节' }, // 周一
  { date: '2022-05-03', kind: 'holiday', name: '劳动节' }, // 周二
  { date: '2022-05-04', kind: 'holiday', name: '劳动节' }, // 周三
  { date: '2022-05-07', kind: 'workday', name: '劳动节调休上班' }, // 周六
  // 五、端午节：6月3日至5日放假，共3天。
  { date: '2022-06-03', kind: 'holiday', name: '端午节' }, // 周五
  { date: '2022-06-04', kind: 'holiday', name: '端午节' }, // 周六
  { date: '2022-06-05', kind: 'holiday', name: '端午节' }, // 周日
  // 六、中秋节：9月10日至12日放假，共3天。
  { date: '2022-09-10', kind: 'holiday', name: '中秋节' }, // 周六
  { date: '2022-09-11', kind: 'holiday', name: '中秋节' }, // 周日
  { date: '2022-09-12', kind: 'holiday', name: '中秋节' }, // 周一
  // 七、国庆节：10月1日至7日放假调休，共7天。10月8日（星期六）、10月9日（星期日）上班。
  { date: '2022-10-01', kind: 'holiday', name: '国庆节' }, // 周六
  { date: '2022-10-02', kind: 'holiday', name: '国庆节' }, // 周日
  { date: '2022-10-03', kind: 'holiday', name: '国庆节' }, // 周一
  { date: '2022-10-04', kind: 'holiday', name: '国庆节' }, // 周二
  { date: '2022-10-05', kind: 'holiday', name: '国庆节' }, // 周三
  { date: '2022-10-06', kind: 'holiday', name: '国庆节' }, // 周四
  { date: '2022-10-07', kind: 'holiday', name: '国庆节' }, // 周五
  { date: '2022-10-08', kind: 'workday', name: '国庆节调休上班' }, // 周六
  { date: '2022-10-09', kind: 'workday', name: '国庆节调休上班' }, // 周日

  // 2023 — 国务院办公厅关于2023年部分节假日安排的通知（国办发明电〔2022〕16号，2022年12月8日）.
  // Its New Year break starts on 2022-12-31, so that row belongs to this notice although dated 2022.
  // 一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。
  { date: '2022-12-31', kind: 'holiday', name: '元旦' }, // 周六
  { date: '2023-01-01', kind: 'holiday', name: '元旦' }, // 周日
  { date: '2023-01-02', kind: 'holiday', name: '元旦' }, // 周一
  // 二、春节：1月21日至27日放假调休，共7天。1月28日（星期六）、1月29日（星期日）上班。
  { date: '2023-01-21', kind: 'holiday', name: '春节' }, // 周六
  { date: '2023-01-22', kind: 'holiday', name: '春节' }, // 周日
  { date: '2023-01-23', kind: 'holiday', name: '春节' }, // 周一
  { date: '2023-01-24', kind: 'holiday', name: '春节' }, // 周二
  { date: '2023-01-25', kind: 'holiday', name: '春节' }, // 周三
  { date: '2023-01-26', kind: 'holiday', name: '春节' }, // 周四
  { date: '2023-01-27', kind: 'holiday', name: '春节' }, // 周五
  { date: '2023-01-28', kind: 'workday', name: '春节调休上班' }, // 周六
  { date: '2023-01-29', kind: 'workday', name: '春节调休上班' }, // 周日
  // 三、清明节：4月5日放假，共1天。
  { date: '2023-04-05', kind: 'holiday', name: '清明节' }, // 周三
  // 四、劳动节：4月29日至5月3日放假调休，共5天。4月23日（星期日）、5月6日（星期六）上班。
  { date: '2023-04-23', kind: 'workday', name: '劳动节调休上班' }, // 周日
  { date: '2023-04-29', kind: 'holiday', name: '劳动节' }, // 周六
  { date: '2023-04-30', kind: 'holiday', name: '劳动节' }, // 周日
  { date: '2023-05-01', kind: 'holiday', name: '劳动节' }, // 周一
  { date: '2023-05-02', kind: 'holiday', name: '劳动节' }, // 周二
  { date: '2023-05-03', kind: 'holiday', name: '劳动节' }, // 周三
  { date: '2023-05-06', kind: 'workday', name: '劳动节调休上班' }, // 周六
  // 五、端午节：6月22日至24日放假调休，共3天。6月25日（星期日）上班。
  { date: '2023-06-22', kind: 'holiday', name: '端午节' }, // 周四
  { date: '2023-06-23', kind: 'holiday', name: '端午节' }, // 周五
  { date: '2023-06-24', kind: 'holiday', name: '端午节' }, // 周六
  { date: '2023-06-25', kind: 'workday', name: '端午节调休上班' }, // 周日
  // 六、中秋节、国庆节：9月29日至10月6日放假调休，共8天。10月7日（星期六）、10月8日（星期日）上班。
  { date: '2023-09-29', kind: 'holiday', name: '中秋节、国庆节' }, // 周五
  { date: '2023-09-30', kind: 'holiday', name: '中秋节、国庆节' }, // 周六
  { date: '2023-10-01', kind: 'holiday', name: '中秋节、国庆节' }, // 周日
  { date: '2023-10-02', kind: 'holiday', name: '中秋节、国庆节' }, // 周一
  { date: '2023-10-03', kind: 'holiday', name: '中秋节、国庆节' }, // 周二
  { date: '2023-10-04', kind: 'holiday', name: '中秋节、国庆节' }, // 周三
  { date: '2023-10-05', kind: 'holiday', name: '中秋节、国庆节' }, // 周四
  { date: '2023-10-06', kind: 'holiday', name: '中秋节、国庆节' }, // 周五
  { date: '2023-10-07', kind: 'workday', name: '中秋节、国庆节调休上班' }, // 周六
  { date: '2023-10-08', kind: 'workday', name: '中秋节、国庆节调休上班' }, // 周日

  // 2024 — 国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号，2023年10月25日）.
  // 元旦 and 端午节 are given as a single day "与周末连休" (joined to the weekend): only the named day is
  // listed, the weekend before it is off anyway. 除夕 (2月9日) is not a holiday in this notice (it only
  // encourages employers to let staff take it as paid leave).
  // 一、元旦：1月1日放假，与周末连休。
  { date: '2024-01-01', kind: 'holiday', name: '元旦' }, // 周一
  // 二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。
  { date: '2024-02-04', kind: 'workday', name: '春节调休上班' }, // 周日
  { date: '2024-02-10', kind: 'holiday', name: '春节' }, // 周六
  { date: '2024-02-11', kind: 'holiday', name: '春节' }, // 周日
  { date: '2024-02-12', kind: 'holiday', name: '春节' }, // 周一
  { date: '2024-02-13', kind: 'holiday', name: '春节' }, // 周二
  { date: '2024-02-14', kind: 'holiday', name: '春节' }, // 周三
  { date: '2024-02-15', kind: 'holiday', name: '春节' }, // 周四
  { date: '2024-02-16', kind: 'holiday', name: '春节' }, // 周五
  { date: '2024-02-17', kind: 'holiday', name: '春节' }, // 周六
  { date: '2024-02-18', kind: 'workday', name: '春节调休上班' }, // 周日
  // 三、清明节：4月4日至6日放假调休，共3天。4月7日（星期日）上班。
  { date: '2024-04-04', kind: 'holiday', name: '清明节' }, // 周四
  { date: '2024-04-05', kind: 'holiday', name: '清明节' }, // 周五
  { date: '2024-04-06', kind: 'holiday', name: '清明节' }, // 周六
  { date: '2024-04-07', kind: 'workday', name: '清明节调休上班' }, // 周日
  // 四、劳动节：5月1日至5日放假调休，共5天。4月28日（星期日）、5月11日（星期六）上班。
  { date: '2024-04-28', kind: 'workday', name: '劳动节调休上班' }, // 周日
  { date: '2024-05-01', kind: 'holiday', name: '劳动节' }, // 周三
  { date: '2024-05-02', kind: 'holiday', name: '劳动节' }, // 周四
  { date: '2024-05-03', kind: 'holiday', name: '劳动节' }, // 周五
  { date: '2024-05-04', kind: 'holiday', name: '劳动节' }, // 周六
  { date: '2024-05-05', kind: 'holiday', name: '劳动节' }, // 周日
  { date: '2024-05-11', kind: 'workday', name: '劳动节调休上班' }, // 周六
  // 五、端午节：6月10日放假，与周末连休。
  { date: '2024-06-10', kind: 'holiday', name: '端午节' }, // 周一
  // 六、中秋节：9月15日至17日放假调休，共3天。9月14日（星期六）上班。
  { date: '2024-09-14', kind: 'workday', name: '中秋节调休上班' }, // 周六
  { date: '2024-09-15', kind: 'holiday', name: '中秋节' }, // 周日
  { date: '2024-09-16', kind: 'holiday', name: '中秋节' }, // 周一
  { date: '2024-09-17', kind: 'holiday', name: '中秋节' }, // 周二
  // 七、国庆节：10月1日至7日放假调休，共7天。9月29日（星期日）、10月12日（星期六）上班。
  { date: '2024-09-29', kind: 'workday', name: '国庆节调休上班' }, // 周日
  { date: '2024-10-01', kind: 'holiday', name: '国庆节' }, // 周二
  { date: '2024-10-02', kind: 'holiday', name: '国庆节' }, // 周三
  { date: '2024-10-03', kind: 'holiday', name: '国庆节' }, // 周四
  { date: '2024-10-04', kind: 'holiday', name: '国庆节' }, // 周五
  { date: '2024-10-05', kind: 'holiday', name: '国庆节' }, // 周六
  { date: '2024-10-06', kind: 'holiday', name: '国庆节' }, // 周日
  { date: '2024-10-07', kind: 'holiday', name: '国庆节' }, // 周一
  { date: '2024-10-12', kind: 'workday', name: '国庆节调休上班' }, // 周六

  // 2025 — 国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）.
  // First year under the 全国年节及纪念日放假办法 as revised in November 2024: two more public holidays
  // (春节 and 劳动节 one day each), 春节 now starts on 除夕, and the break rules were reset
  // (春节 8 days from 除夕, 劳动节 5, 国庆节 7 or 8 when merged with 中秋节, others 3 or 1 on a Wednesday).
  // 一、元旦：1月1日（周三）放假1天，不调休。
  { date: '2025-01-01', kind: 'holiday', name: '元旦' }, // 周三
  // 二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
  { date: '2025-01-26', kind: 'workday', name: '春节调休上班' }, // 周日
  { date: '2025-01-28', kind: 'holiday', name: '春节' }, // 周二
  { date: '2025-01-29', kind: 'holiday', name: '春节' }, // 周三
  { date: '2025-01-30', kind: 'holiday', name: '春节' }, // 周四
  { date: '2025-01-31', kind: 'holiday', name: '春节' }, // 周五
  { date: '2025-02-01', kind: 'holiday', name: '春节' }, // 周六
  { date: '2025-02-02', kind: 'holiday', name: '春节' }, // 周日
  { date: '2025-02-03', kind: 'holiday', name: '春节' }, // 周一
  { date: '2025-02-04', kind: 'holiday', name: '春节' }, // 周二
  { date: '2025-02-08', kind: 'workday', name: '春节调休上班' }, // 周六
  // 三、清明节：4月4日（周五）至6日（周日）放假，共3天。
  { date: '2025-04-04', kind: 'holiday', name: '清明节' }, // 周五
  { date: '2025-04-05', kind: 'holiday', name: '清明节' }, // 周六
  { date: '2025-04-06', kind: 'holiday', name: '清明节' }, // 周日
  // 四、劳动节：5月1日（周四）至5日（周一）放假调休，共5天。4月27日（周日）上班。
  { date: '2025-04-27', kind: 'workday', name: '劳动节调休上班' }, // 周日
  { date: '2025-05-01', kind: 'holiday', name: '劳动节' }, // 周四
  { date: '2025-05-02', kind: 'holiday', name: '劳动节' }, // 周五
  { date: '2025-05-03', kind: 'holiday', name: '劳动节' }, // 周六
  { date: '2025-05-04', kind: 'holiday', name: '劳动节' }, // 周日
  { date: '2025-05-05', kind: 'holiday', name: '劳动节' }, // 周一
  // 五、端午节：5月31日（周六）至6月2日（周一）放假，共3天。
  { date: '2025-05-31', kind: 'holiday', name: '端午节' }, // 周六
  { date: '2025-06-01', kind: 'holiday', name: '端午节' }, // 周日
  { date: '2025-06-02', kind: 'holiday', name: '端午节' }, // 周一
  // 六、国庆节、中秋节：10月1日（周三）至8日（周三）放假调休，共8天。9月28日（周日）、10月11日（周六）上班。
  { date: '2025-09-28', kind: 'workday', name: '国庆节、中秋节调休上班' }, // 周日
  { date: '2025-10-01', kind: 'holiday', name: '国庆节、中秋节' }, // 周三
  { date: '2025-10-02', kind: 'holiday', name: '国庆节、中秋节' }, // 周四
  { date: '2025-10-03', kind: 'holiday', name: '国庆节、中秋节' }, // 周五
  { date: '2025-10-04', kind: 'holiday', name: '国庆节、中秋节' }, // 周六
  { date: '2025-10-05', kind: 'holiday', name: '国庆节、中秋节' }, // 周日
  { date: '2025-10-06', kind: 'holiday', name: '国庆节、中秋节' }, // 周一
  { date: '2025-10-07', kind: 'holiday', name: '国庆节、中秋节' }, // 周二
  { date: '2025-10-08', kind: 'holiday', name: '国庆节、中秋节' }, // 周三
  { date: '2025-10-11', kind: 'workday', name: '国庆节、中秋节调休上班' }, // 周六

  // 2026 — 国务院办公厅关于2026年部分节假日安排的通知（国办发明电〔2025〕7号，2025年11月4日）.
  // 一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
  { date: '2026-01-01', kind: 'holiday', name: '元旦' }, // 周四
  { date: '2026-01-02', kind: 'holiday', name: '元旦' }, // 周五
  { date: '2026-01-03', kind: 'holiday', name: '元旦' }, // 周六
  { date: '2026-01-04', kind: 'workday', name: '元旦调休上班' }, // 周日
  // 二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
  { date: '2026-02-14', kind: 'workday', name: '春节调休上班' }, // 周六
  { date: '2026-02-15', kind: 'holiday', name: '春节' }, // 周日
  { date: '2026-02-16', kind: 'holiday', name: '春节' }, // 周一
  { date: '2026-02-17', kind: 'holiday', name: '春节' }, // 周二
  { date: '2026-02-18', kind: 'holiday', name: '春节' }, // 周三
  { date: '2026-02-19', kind: 'holiday', name: '春节' }, // 周四
  { date: '2026-02-20', kind: 'holiday', name: '春节' }, // 周五
  { date: '2026-02-21', kind: 'holiday', name: '春节' }, // 周六
  { date: '2026-02-22', kind: 'holiday', name: '春节' }, // 周日
  { date: '2026-02-23', kind: 'holiday', name: '春节' }, // 周一
  { date: '2026-02-28', kind: 'workday', name: '春节调休上班' }, // 周六
  // 三、清明节：4月4日（周六）至6日（周一）放假，共3天。
  { date: '2026-04-04', kind: 'holiday', name: '清明节' }, // 周六
  { date: '2026-04-05', kind: 'holiday', name: '清明节' }, // 周日
  { date: '2026-04-06', kind: 'holiday', name: '清明节' }, // 周一
  // 四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
  { date: '2026-05-01', kind: 'holiday', name: '劳动节' }, // 周五
  { date: '2026-05-02', kind: 'holiday', name: '劳动节' }, // 周六
  { date: '2026-05-03', kind: 'holiday', name: '劳动节' }, // 周日
  { date: '2026-05-04', kind: 'holiday', name: '劳动节' }, // 周一
  { date: '2026-05-05', kind: 'holiday', name: '劳动节' }, // 周二
  { date: '2026-05-09', kind: 'workday', name: '劳动节调休上班' }, // 周六
  // 五、端午节：6月19日（周五）至21日（周日）放假，共3天。
  { date: '2026-06-19', kind: 'holiday', name: '端午节' }, // 周五
  { date: '2026-06-20', kind: 'holiday', name: '端午节' }, // 周六
  { date: '2026-06-21', kind: 'holiday', name: '端午节' }, // 周日
  // 六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
  { date: '2026-09-25', kind: 'holiday', name: '中秋节' }, // 周五
  { date: '2026-09-26', kind: 'holiday', name: '中秋节' }, // 周六
  { date: '2026-09-27', kind: 'holiday', name: '中秋节' }, // 周日
  // 七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。
  { date: '2026-09-20', kind: 'workday', name: '国庆节调休上班' }, // 周日
  { date: '2026-10-01', kind: 'holiday', name: '国庆节' }, // 周四
  { date: '2026-10-02', kind: 'holiday', name: '国庆节' }, // 周五
  { date: '2026-10-03', kind: 'holiday', name: '国庆节' }, // 周六
  { date: '2026-10-04', kind: 'holiday', name: '国庆节' }, // 周日
  { date: '2026-10-05', kind: 'holiday', name: '国庆节' }, // 周一
  { date: '2026-10-06', kind: 'holiday', name: '国庆节' }, // 周二
  { date: '2026-10-07', kind: 'holiday', name: '国庆节' }, // 周三
  { date: '2026-10-10', kind: 'workday', name: '国庆节调休上班' }, // 周六
];

let officialLookup: ReadonlyMap<IsoDate, DayKind> | undefined;

/**
 * The official table as a lookup for `isWorkingDay`, `addWorkingDays`, … (built once, on first use).
 * To add staff edits, build your own with `dayOverridesFrom([...OFFICIAL_DAY_OVERRIDES, ...rows])`.
 */
export function officialDayOverrides(): ReadonlyMap<IsoDate, DayKind> {
  officialLookup ??= dayOverridesFrom(OFFICIAL_DAY_OVERRIDES);
  return officialLookup;
}
