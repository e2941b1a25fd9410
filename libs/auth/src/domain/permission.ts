import { Role } from './role';

/**
 * What a route requires. Routes name permissions, never roles, so the matrix below is the single
 * place that says who may do what (and the permission-matrix test reads it back route by route).
 */
export enum Permission {
  UserManage = 'user.manage',
  AuditRead = 'audit.read',
  CalendarEdit = 'calendar.edit',
}

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  [Role.Admin]: [Permission.UserManage, Permission.CalendarEdit],
  [Role.ReserveOfficer]: [],
  [Role.TradingOfficer]: [Permission.CalendarEdit],
  [Role.PricingCommittee]: [],
  [Role.Supervisor]: [Permission.AuditRead],
  [Role.FinanceOfficer]: [],
  [Role.Bidder]: [],
};

export function rolesGranting(permission: Permission): Role[] {
  return (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((role) => ROLE_PERMISSIONS[role].includes(permission));
}

export function hasPermission(roles: readonly string[], permission: Permission): boolean {
  return roles.some((role) => (ROLE_PERMISSIONS as Record<string, readonly Permission[] | undefined>)[role]?.includes(permission) ?? false);
}
