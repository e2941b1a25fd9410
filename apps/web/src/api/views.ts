/**
 * INTERIM: the answers of the routes the portal reads whose OpenAPI operation declares no response
 * schema yet (so schema.d.ts types their body as nothing). Each mirrors the server's view function
 * named beside it, and only the fields the web reads. When the API declares the response
 * (`@ApiOkResponse({ type })`) and `npm run web:api` brings it into schema.d.ts, switch the call from
 * `unwrapView<…>` to `unwrap` and delete the type here; the goal is an empty file.
 */

/** libs/bidding TradingQueryService.chain: one published link (event: the canonical payload as JSON). */
export interface PublicChainLink {
  seq: number;
  prevHash: string | null;
  hash: string;
  event: Record<string, unknown>;
}

/** libs/bidding TradingQueryService.chain */
export interface PublicChain {
  lotId: string;
  canonicalForm: { version: number } & Record<string, unknown>;
  length: number;
  head: string | null;
  events: PublicChainLink[];
}

/** libs/bidding TradingQueryService.verify */
export interface PublicChainVerdict {
  lotId: string;
  length: number;
  head: string | null;
  valid: boolean;
  headMatches: boolean;
  firstInvalidSeq?: number;
  problem?: string;
}

/** libs/bidding TradingQueryService.result */
export interface PublicLotResult {
  lotId: string;
  lotNumber: string;
  outcome: 'sold' | 'unsold';
  reason: string | null;
  winnerNumber: string | null;
  price: string | null;
  priceUnit: 'total' | 'per_square_metre' | 'per_floor_area';
  bidPrice: string | null;
  area: string | null;
  share: string | null;
  unitPrice: string | null;
  floorPrice: string | null;
  premiumRate: string | null;
  landArea: string | null;
  floorArea: string | null;
  reserve: { value: string; salt: string; commitment: string } | null;
  chainLength: number;
  chainHead: string | null;
  closedAt: string;
  practice: boolean;
}

/** libs/settlement SettlementService.verifyConfirmation */
export interface ConfirmationCheck {
  valid: boolean;
  reason?: string;
  verificationCode?: string;
  announcementNumber?: string;
  lotNumber?: string;
  price?: string;
  priceUnit?: string;
  bidPrice?: string | null;
  documentSha256?: string;
  issuedAt?: string;
  signed?: boolean;
  documentMatches?: boolean;
}

/** libs/ledger LandSalesReport (amounts as strings) */
export interface LandSalesFigures {
  offered: number;
  sold: number;
  unsold: number;
  revenue: string;
  averagePremiumRate: string | null;
  depositsHeld: string;
}
export interface LandSalesRow extends LandSalesFigures {
  period: string;
  district?: string;
  landUse?: string;
  method?: string;
}
export interface LandSalesReport {
  period: 'month' | 'quarter' | 'year';
  from: string | null;
  to: string;
  by: string[];
  rows: LandSalesRow[];
  totals: LandSalesFigures;
}

/** libs/auth TokenPair */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

/** libs/auth UsersService.get */
export interface Account {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
}
