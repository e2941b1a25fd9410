/** 中文：the room feature's own texts (features/room). en-us/room.ts has the same keys. */
export const roomZhCN = {};
export type RoomMessages = typeof roomZhCN;
