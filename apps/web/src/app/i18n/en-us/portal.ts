import type { PortalMessages } from '../zh-cn/portal';

export const portalEnUS: PortalMessages = {};
