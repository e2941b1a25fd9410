import { sha256Hex } from './sha256';

/**
 * The sealed reserve's commitment (libs/listing/src/domain/reserve-price.ts, version 1): lowercase hex
 * SHA-256 of the UTF-8 text `land-reserve-v1|<lotId>|<value>|<salt>`, value in 元 with two decimals,
 * salt 64 lowercase hex digits, both revealed at the close.
 */
export function reserveCanonical(lotId: string, value: string, saltHex: string): string {
  return `land-reserve-v1|${lotId}|${value}|${saltHex}`;
}

export async function reserveCommitment(lotId: string, value: string, saltHex: string): Promise<string> {
  return sha256Hex(reserveCanonical(lotId, value, saltHex));
}

export interface ReserveCheck {
  canonical: string;
  computed: string;
  matches: boolean;
}

export async function verifyReserve(lotId: string, value: string, saltHex: string, commitment: string): Promise<ReserveCheck> {
  const canonical = reserveCanonical(lotId, value, saltHex);
  const computed = await sha256Hex(canonical);
  return { canonical, computed, matches: computed === commitment };
}
