/** 中文：console section /console/admin (features/console/admin). en-us/console/admin.ts has the same keys. */
export const consoleAdminZhCN = {
  title: '系统管理',
};
export type ConsoleAdminMessages = typeof consoleAdminZhCN;
