/** 中文：console section /console/listing (features/console/listing). en-us/console/listing.ts has the same keys. */
export const consoleListingZhCN = {
  title: '出让公告',
};
export type ConsoleListingMessages = typeof consoleListingZhCN;
