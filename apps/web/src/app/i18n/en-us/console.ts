import type { ConsoleMessages } from '../zh-cn/console';
import { consoleAdminEnUS } from './console/admin';
import { consoleBooksEnUS } from './console/books';
import { consoleFinanceEnUS } from './console/finance';
import { consoleListingEnUS } from './console/listing';
import { consolePricingEnUS } from './console/pricing';
import { consoleReserveEnUS } from './console/reserve';
import { consoleSaleEnUS } from './console/sale';
import { consoleSupervisionEnUS } from './console/supervision';

export const consoleEnUS: ConsoleMessages = {
  shell: {
    title: 'Console',
    menu: 'Console menu',
    welcome: 'Hello, {{name}}',
    welcomeBody: 'These are the tools of your posts. Every action is written to the audit trail.',
    forbiddenTitle: 'No access',
    forbiddenBody: 'Your posts cannot use this page. Ask an administrator if you need it.',
    notStaffTitle: 'The console is for staff',
    notStaffBody: 'Bidders apply, pay deposits and bid in the bidder area.',
    toBidder: 'Go to the bidder area',
    comingSoon: 'This page is being built.',
    reason: 'Reason',
    reasonRequired: 'Give a reason (it goes to the audit trail)',
    reasonTooShort: 'At least {{min}} characters',
    confirm: 'OK',
    cancel: 'Cancel',
    done: 'Done',
    role: {
      admin: 'Administrator',
      reserve_officer: 'Reserve officer',
      trading_officer: 'Trading officer',
      pricing_committee: 'Pricing committee member',
      supervisor: 'Supervisor',
      finance_officer: 'Finance officer',
      bidder: 'Bidder',
    },
  },
  admin: consoleAdminEnUS,
  books: consoleBooksEnUS,
  finance: consoleFinanceEnUS,
  listing: consoleListingEnUS,
  pricing: consolePricingEnUS,
  reserve: consoleReserveEnUS,
  sale: consoleSaleEnUS,
  supervision: consoleSupervisionEnUS,
};
