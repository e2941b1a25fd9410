import { adminSection } from './admin/section';
import { booksSection } from './books/section';
import { financeSection } from './finance/section';
import { listingSection } from './listing/section';
import { pricingSection } from './pricing/section';
import { reserveSection } from './reserve/section';
import { saleSection } from './sale/section';
import type { RoleName } from '@web/app/auth/auth-context';
import type { ConsoleSection } from './section';
import { supervisionSection } from './supervision/section';

/** Every console section, in menu order. Each names the roles that see it. */
export const SECTIONS: readonly ConsoleSection[] = [
  reserveSection,
  listingSection,
  saleSection,
  pricingSection,
  supervisionSection,
  financeSection,
  booksSection,
  adminSection,
];

export function sectionsFor(roles: readonly RoleName[]): ConsoleSection[] {
  return SECTIONS.filter((s) => s.roles.some((r) => roles.includes(r)));
}
