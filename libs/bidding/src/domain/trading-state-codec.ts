import { DomainError } from '@app/common/domain-error';
import { Area } from '@app/money/area';
import { Money } from '@app/money/money';
import { Ratio } from '@app/money/ratio';
import type { LotTradingState } from './trading-state';

/**
 * How a lot's trading state is kept in the database (`lot.trading_state`, jsonb) and read back.
 *
 * The state holds Money, Area, Ratio and Date values; plain JSON would turn them into strings that
 * cannot be told apart. Each is written as a one-key tagged object — `{"$money":"12500000.00"}`,
 * `{"$area":"3500.00"}`, `{"$ratio":"0.1500"}`, `{"$date":"2025-10-14T07:00:00.000Z"}` — and revived
 * on the way back, so `decodeTradingState(encodeTradingState(s))` equals `s` for every state the
 * engine produces. No key of the state starts with `$`, so the tags cannot collide with data.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function encode(value: unknown, path: string): Json {
  if (value === null) return null;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new DomainError('STATE_NOT_ENCODABLE', `${path}: an invalid Date`, path);
    return { $date: value.toISOString() };
  }
  if (Money.isMoney(value)) return { $money: value.toString() };
  if (Area.isArea(value)) return { $area: value.toString() };
  if (Ratio.isRatio(value)) return { $ratio: value.toString() };
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return value;
    case 'number':
      if (!Number.isFinite(value)) throw new DomainError('STATE_NOT_ENCODABLE', `${path}: ${String(value)} is not a finite number`, path);
      return value;
    case 'object': {
      if (Array.isArray(value)) return value.map((item: unknown, i) => encode(item, `${path}[${i}]`));
      const out: { [key: string]: Json } = {};
      for (const [k, v] of Object.entries(value as object)) {
        if (v === undefined) continue;
        if (k.startsWith('$')) throw new DomainError('STATE_NOT_ENCODABLE', `${path}.${k}: keys may not start with $`, `${path}.${k}`);
        out[k] = encode(v, `${path}.${k}`);
      }
      return out;
    }
    default:
      throw new DomainError('STATE_NOT_ENCODABLE', `${path}: a ${typeof value} cannot be stored`, path);
  }
}

function decode(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return Object.freeze(value.map(decode));
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length === 1 && keys[0].startsWith('$')) {
    const raw = obj[keys[0]];
    if (typeof raw !== 'string') throw new DomainError('STATE_NOT_DECODABLE', `tag ${keys[0]} needs a string`, keys[0]);
    switch (keys[0]) {
      case '$money':
        return Money.of(raw);
      case '$area':
        return Area.of(raw);
      case '$ratio':
        return Ratio.of(raw, raw.includes('.') ? raw.length - raw.indexOf('.') - 1 : 0);
      case '$date':
        return new Date(raw);
      default:
        throw new DomainError('STATE_NOT_DECODABLE', `unknown tag ${keys[0]}`, keys[0]);
    }
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = decode(obj[k]);
  return Object.freeze(out);
}

/** The state as JSON-safe data (for `JSON.stringify` / a jsonb column). */
export function encodeTradingState(state: LotTradingState): Json {
  return encode(state, 'state');
}

/** The state back from {@link encodeTradingState}'s output (or its JSON round trip). */
export function decodeTradingState(json: unknown): LotTradingState {
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new DomainError('STATE_NOT_DECODABLE', 'a trading state is an object', 'state');
  }
  const state = decode(json) as LotTradingState;
  if (typeof state.lotId !== 'string' || typeof state.phase !== 'string') {
    throw new DomainError('STATE_NOT_DECODABLE', 'a trading state has a lotId and a phase', 'state');
  }
  return state;
}
