/** 中文：console section /console/books (features/console/books). en-us/console/books.ts has the same keys. */
export const consoleBooksZhCN = {
  title: '合同与账务',
};
export type ConsoleBooksMessages = typeof consoleBooksZhCN;
