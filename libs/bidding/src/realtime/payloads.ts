import { Area, Money, Ratio } from '@app/money';

/**
 * Validation of socket payloads. Socket.io has no pipes, so every message is checked here and answered
 * with `{ ok: false, code, message, field }` naming the field; nothing reaches the engine unless it
 * passed. Amounts must be JSON strings in the column's exact format (a JSON number, `1e7`, `NaN`,
 * `-1.00`, `1.005` are refused), ids are bounded, and unknown keys are refused.
 */
export type PayloadCheck<T> = { ok: true; value: T } | { ok: false; code: string; message: string; field: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CLIENT_BID_ID = /^[A-Za-z0-9._:-]{1,64}$/;

function bad<T>(code: string, message: string, field: string): PayloadCheck<T> {
  return { ok: false, code, message, field };
}

function objectWith(payload: unknown, allowed: readonly string[]): PayloadCheck<Record<string, unknown>> {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) return bad('INVALID_PAYLOAD', 'the payload must be a JSON object', 'payload');
  const extra = Object.keys(payload).find((k) => !allowed.includes(k));
  if (extra !== undefined) return bad('INVALID_PAYLOAD', `unknown field ${extra}`, extra.slice(0, 64));
  return { ok: true, value: payload as Record<string, unknown> };
}

function lotIdOf(p: Record<string, unknown>): PayloadCheck<string> {
  if (typeof p.lotId !== 'string' || !UUID.test(p.lotId)) return bad('INVALID_LOT_ID', 'lotId must be a lot id (UUID)', 'lotId');
  return { ok: true, value: p.lotId.toLowerCase() };
}

function clientBidIdOf(p: Record<string, unknown>): PayloadCheck<string> {
  if (typeof p.clientBidId !== 'string' || !CLIENT_BID_ID.test(p.clientBidId)) {
    return bad('INVALID_CLIENT_BID_ID', 'clientBidId must be 1–64 characters of A–Z, a–z, 0–9, ".", "_", ":", "-"', 'clientBidId');
  }
  return { ok: true, value: p.clientBidId };
}

function parsed<T>(parse: () => T, code: string, field: string, what: string): PayloadCheck<T> {
  try {
    return { ok: true, value: parse() };
  } catch (err) {
    return bad(code, `${field}: ${(err as Error).message || what}`, field);
  }
}

export function checkJoin(payload: unknown): PayloadCheck<{ lotId: string; lastSeq: number }> {
  const o = objectWith(payload, ['lotId', 'lastSeq']);
  if (!o.ok) return o;
  const lot = lotIdOf(o.value);
  if (!lot.ok) return lot;
  const lastSeq = o.value.lastSeq ?? 0;
  if (typeof lastSeq !== 'number' || !Number.isSafeInteger(lastSeq) || lastSeq < 0) return bad('INVALID_LAST_SEQ', 'lastSeq must be a whole number ≥ 0', 'lastSeq');
  return { ok: true, value: { lotId: lot.value, lastSeq } };
}

export function checkLotOnly(payload: unknown): PayloadCheck<{ lotId: string }> {
  const o = objectWith(payload, ['lotId']);
  if (!o.ok) return o;
  const lot = lotIdOf(o.value);
  return lot.ok ? { ok: true, value: { lotId: lot.value } } : lot;
}

export function checkBid(payload: unknown): PayloadCheck<{ lotId: string; clientBidId: string; price: Money }> {
  const o = objectWith(payload, ['lotId', 'clientBidId', 'price']);
  if (!o.ok) return o;
  const lot = lotIdOf(o.value);
  if (!lot.ok) return lot;
  const id = clientBidIdOf(o.value);
  if (!id.ok) return id;
  if (o.value.price === undefined) return bad('INVALID_PRICE', 'price is required', 'price');
  const price = parsed(() => Money.parse(o.value.price, 'price', { min: '0.01' }), 'INVALID_PRICE', 'price', 'not a price');
  if (!price.ok) return price;
  return { ok: true, value: { lotId: lot.value, clientBidId: id.value, price: price.value } };
}

export function checkAreaBid(payload: unknown): PayloadCheck<{ lotId: string; clientBidId: string; area: Area }> {
  const o = objectWith(payload, ['lotId', 'clientBidId', 'area']);
  if (!o.ok) return o;
  const lot = lotIdOf(o.value);
  if (!lot.ok) return lot;
  const id = clientBidIdOf(o.value);
  if (!id.ok) return id;
  const area = parsed(() => Area.parse(o.value.area, 'area'), 'INVALID_AREA', 'area', 'not an area');
  if (!area.ok) return area;
  return { ok: true, value: { lotId: lot.value, clientBidId: id.value, area: area.value } };
}

export function checkShareBid(payload: unknown): PayloadCheck<{ lotId: string; clientBidId: string; share: Ratio }> {
  const o = objectWith(payload, ['lotId', 'clientBidId', 'share']);
  if (!o.ok) return o;
  const lot = lotIdOf(o.value);
  if (!lot.ok) return lot;
  const id = clientBidIdOf(o.value);
  if (!id.ok) return id;
  const share = parsed(() => Ratio.parse(o.value.share, 'share'), 'INVALID_SHARE', 'share', 'not a share');
  if (!share.ok) return share;
  return { ok: true, value: { lotId: lot.value, clientBidId: id.value, share: share.value } };
}

export function checkSealed(payload: unknown): PayloadCheck<{ lotId: string; price: Money }> {
  const o = objectWith(payload, ['lotId', 'price']);
  if (!o.ok) return o;
  const lot = lotIdOf(o.value);
  if (!lot.ok) return lot;
  const price = parsed(() => Money.parse(o.value.price, 'price', { min: '0.01' }), 'INVALID_PRICE', 'price', 'not a price');
  if (!price.ok) return price;
  return { ok: true, value: { lotId: lot.value, price: price.value } };
}
