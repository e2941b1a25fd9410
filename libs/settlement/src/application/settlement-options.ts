export const SETTLEMENT_OPTIONS = Symbol('SETTLEMENT_OPTIONS');

export interface SettlementOptions {
  /** Public base URL printed in the confirmation's verification link and QR code. */
  readonly publicBaseUrl: string;
  /** 出让人 printed on the confirmation. */
  readonly transferor: string;
  /** How often each instance settles newly closed lots and enforces deadlines (ms); 0 = off. */
  readonly intervalMs: number;
}
