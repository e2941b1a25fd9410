/** 中文：console section /console/supervision (features/console/supervision). en-us/console/supervision.ts has the same keys. */
export const consoleSupervisionZhCN = {
  title: '监督审批',
};
export type ConsoleSupervisionMessages = typeof consoleSupervisionZhCN;
