import type { MessageTemplate } from './error-messages.zh';

/**
 * Chinese messages of the request validators (class-validator), by constraint name. Parameters:
 * `{field}`; `{0}`, `{1}` the constraint's arguments (a length, a bound); `{values}` the accepted
 * values of `isIn`; `{example}` the field's documented example (OpenAPI); for the decimal validators
 * of libs/money `{kind}` (金额, 面积, 比例, 数值), `{scale}` and `{range}`. A constraint not listed gets
 * the generic `VALIDATION_FAILED` text.
 */
export const VALIDATION_MESSAGES_ZH: Readonly<Record<string, MessageTemplate>> = {
  whitelistValidation: '{field} 不是可接受的字段',
  isDefined: '{field} 为必填项',
  isNotEmpty: '{field} 不能为空',
  isString: '{field} 必须是字符串',
  isInt: '{field} 必须是整数',
  isNumber: '{field} 必须是数字',
  isBoolean: '{field} 必须是 true 或 false',
  isArray: '{field} 必须是数组',
  isObject: '{field} 必须是 JSON 对象',
  nestedValidation: '{field} 必须是 JSON 对象或对象数组',
  min: '{field} 不能小于 {0}',
  max: '{field} 不能大于 {0}',
  isPositive: '{field} 必须大于 0',
  minLength: '{field} 至少 {0} 个字符',
  maxLength: '{field} 最多 {0} 个字符',
  length: '{field} 的长度须在 {0} 到 {1} 个字符之间',
  arrayMinSize: '{field} 至少包含 {0} 项',
  arrayMaxSize: '{field} 最多包含 {0} 项',
  arrayNotEmpty: '{field} 不能为空数组',
  arrayUnique: '{field} 中不能有重复项',
  isIn: '{field} 必须是以下之一：{values}',
  isEnum: '{field} 必须是以下之一：{values}',
  matches: ['{field} 的格式不正确，例如 "{example}"', '{field} 的格式不正确'],
  isUuid: '{field} 必须是 UUID',
  isEmail: '{field} 必须是电子邮件地址',
  isUrl: '{field} 必须是网址',
  isBase64: '{field} 必须是 Base64 编码',
  isDateString: ['{field} 必须是 ISO 8601 时间，例如 "{example}"', '{field} 必须是 ISO 8601 时间'],
  isIso8601: ['{field} 必须是 ISO 8601 时间，例如 "{example}"', '{field} 必须是 ISO 8601 时间'],
  isMoney: '{field} 必须是{kind}字符串（最多 {scale} 位小数{range}），例如 "{example}"；不能是 JSON 数字',
  isArea: '{field} 必须是{kind}字符串（平方米，最多 {scale} 位小数{range}），例如 "{example}"；不能是 JSON 数字',
  isRatio: '{field} 必须是{kind}字符串（最多 {scale} 位小数{range}），例如 "{example}"；不能是 JSON 数字',
  isDecimalString: '{field} 必须是{kind}字符串（最多 {scale} 位小数{range}），例如 "{example}"；不能是 JSON 数字',
};
