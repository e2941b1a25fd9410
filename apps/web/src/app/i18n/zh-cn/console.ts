/** 中文：the console feature's own texts (features/console). en-us/console.ts has the same keys. */
export const consoleZhCN = {};
export type ConsoleMessages = typeof consoleZhCN;
