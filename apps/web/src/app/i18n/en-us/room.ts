import type { RoomMessages } from '../zh-cn/room';

export const roomEnUS: RoomMessages = {};
