import { consoleAdminZhCN } from './console/admin';
import { consoleBooksZhCN } from './console/books';
import { consoleFinanceZhCN } from './console/finance';
import { consoleListingZhCN } from './console/listing';
import { consolePricingZhCN } from './console/pricing';
import { consoleReserveZhCN } from './console/reserve';
import { consoleSaleZhCN } from './console/sale';
import { consoleSupervisionZhCN } from './console/supervision';

/**
 * 中文：the staff consoles (features/console). The shell's own texts here; each section's texts in
 * console/<section>.ts. en-us/console.ts has the same keys.
 */
export const consoleZhCN = {
  shell: {
    title: '工作台',
    menu: '工作台菜单',
    welcome: '{{name}}，您好',
    welcomeBody: '以下是您的岗位可以使用的功能。每项操作均记入审计日志。',
    forbiddenTitle: '无权访问',
    forbiddenBody: '您的岗位不能使用此页面。如需使用，请联系系统管理员调整岗位。',
    notStaffTitle: '工作台仅供工作人员使用',
    notStaffBody: '竞买人请前往竞买人专区办理报名、保证金和竞价。',
    toBidder: '前往竞买人专区',
    comingSoon: '此页面正在建设中。',
    reason: '理由',
    reasonRequired: '请填写理由（将记入审计日志）',
    reasonTooShort: '理由至少 {{min}} 个字',
    confirm: '确定',
    cancel: '取消',
    done: '已完成',
    role: {
      admin: '系统管理员',
      reserve_officer: '储备专员',
      trading_officer: '交易专员',
      pricing_committee: '底价评议委员',
      supervisor: '监督员',
      finance_officer: '财务专员',
      bidder: '竞买人',
    },
  },
  admin: consoleAdminZhCN,
  books: consoleBooksZhCN,
  finance: consoleFinanceZhCN,
  listing: consoleListingZhCN,
  pricing: consolePricingZhCN,
  reserve: consoleReserveZhCN,
  sale: consoleSaleZhCN,
  supervision: consoleSupervisionZhCN,
};
export type ConsoleMessages = typeof consoleZhCN;
