import { Role } from './role';

/**
 * What a route requires. Routes name permissions, never roles, so the matrix below is the single
 * place that says who may do what (and the permission-matrix test reads it back route by route).
 */
export enum Permission {
  UserManage = 'user.manage',
  AuditRead = 'audit.read',
  CalendarEdit = 'calendar.edit',
  SettingsEdit = 'settings.edit',
  /** The reserve register: parcels, costs, reports (staff only; never bidders or the public). */
  ParcelRead = 'parcel.read',
  ParcelWrite = 'parcel.write',
  /** Announcements and lots as staff see them, drafts included (never the reserve value). */
  AnnouncementRead = 'announcement.read',
  AnnouncementWrite = 'announcement.write',
  /** Maker-checker decisions the rules reserve to a supervisor (suspension, termination…). */
  ApprovalDecide = 'approval.decide',
  /** Submit one's own sealed reserve proposal for a lot one sits on the committee of. */
  ReserveSubmit = 'reserve.submit',
  /** A bidder's own registration, applications, deposits and confirmations. */
  BidderSelf = 'bidder.self',
  /** Bidder identities (trading staff and supervisors only, DESIGN §4). */
  BidderRead = 'bidder.read',
  ApplicationReview = 'application.review',
  /** Deposit ledgers by sub-account and bidder number. */
  DepositRead = 'deposit.read',
  /** Live trading controls: freeze, resume, change the increment (audited with a reason). */
  TradingControl = 'trading.control',
  /** The revenue ledger, bank statements and reconciliation, treasury remittances and sales reports (read). */
  LedgerRead = 'ledger.read',
  /** Import bank statements, resolve reconciliation lines, record remittances, post reversals (audited). */
  LedgerWrite = 'ledger.write',
  /** Settlements after the close: deadlines, confirmations, contracts, refunds (read). */
  SettlementRead = 'settlement.read',
  /** Record the land contract and publish the result (成交公示) (audited). */
  SettlementManage = 'settlement.manage',
  /** Record premium and penalty payments and paid refunds by hand (audited). */
  PaymentRecord = 'payment.record',
  /** Play the bank in a demo: the simulated bank signs and delivers a deposit notice (never served with DEMO=off). */
  BankSimulate = 'bank.simulate',
  /** Start a practice lot (模拟竞价) and read one's own: a bidder rehearses, a trainer runs one for a class. */
  PracticeRun = 'practice.run',
  /** Trainer: seat named bidder accounts on a practice lot (a class). */
  PracticeTrain = 'practice.train',
}

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  [Role.Admin]: [Permission.UserManage, Permission.CalendarEdit, Permission.SettingsEdit, Permission.BankSimulate],
  [Role.ReserveOfficer]: [Permission.ParcelRead, Permission.ParcelWrite],
  [Role.TradingOfficer]: [
    Permission.CalendarEdit,
    Permission.ParcelRead,
    Permission.AnnouncementRead,
    Permission.AnnouncementWrite,
    Permission.BidderRead,
    Permission.ApplicationReview,
    Permission.DepositRead,
    Permission.TradingControl,
    Permission.SettlementRead,
    Permission.SettlementManage,
    Permission.PracticeRun,
    Permission.PracticeTrain,
  ],
  [Role.PricingCommittee]: [Permission.ReserveSubmit],
  [Role.Supervisor]: [Permission.AuditRead, Permission.ParcelRead, Permission.AnnouncementRead, Permission.ApprovalDecide, Permission.BidderRead, Permission.DepositRead, Permission.TradingControl, Permission.LedgerRead, Permission.SettlementRead],
  [Role.FinanceOfficer]: [Permission.ParcelRead, Permission.DepositRead, Permission.LedgerRead, Permission.LedgerWrite, Permission.SettlementRead, Permission.PaymentRecord, Permission.BankSimulate],
  [Role.Bidder]: [Permission.BidderSelf, Permission.PracticeRun],
};

export function rolesGranting(permission: Permission): Role[] {
  return (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((role) => ROLE_PERMISSIONS[role].includes(permission));
}

export function hasPermission(roles: readonly string[], permission: Permission): boolean {
  return roles.some((role) => (ROLE_PERMISSIONS as Record<string, readonly Permission[] | undefined>)[role]?.includes(permission) ?? false);
}
