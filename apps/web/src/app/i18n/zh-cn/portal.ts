/** 中文：the portal feature's own texts (features/portal). en-us/portal.ts has the same keys. */
export const portalZhCN = {};
export type PortalMessages = typeof portalZhCN;
