/** The roles of DOMAIN.md §1, plus the administrator who manages accounts. The public has no account. */
export enum Role {
  Admin = 'admin',
  ReserveOfficer = 'reserve_officer',
  TradingOfficer = 'trading_officer',
  PricingCommittee = 'pricing_committee',
  Supervisor = 'supervisor',
  FinanceOfficer = 'finance_officer',
  Bidder = 'bidder',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ALL_ROLES as readonly string[]).includes(value);
}
