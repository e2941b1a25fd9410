import type { FormInstance } from 'antd';
import { ApiError } from '@web/api/api-error';

/**
 * Puts the server's one-400 list next to the form's fields: each error naming a field of the form goes
 * under that field. Returns the messages no field of the form could take (show them above the form).
 * `fieldMap` renames the server's field paths to form names (`lots.0.startPrice` → ['lots', 0, 'startPrice']
 * is done by default for dotted paths).
 */
export function applyFieldErrors(form: FormInstance, err: unknown, fieldMap: Record<string, string> = {}): string[] {
  if (!(err instanceof ApiError)) return [String(err instanceof Error ? err.message : err)];
  const known = new Set(Object.keys(form.getFieldsValue(true) as Record<string, unknown>));
  const leftover: string[] = [];
  const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
  const items = err.errors.length > 0 ? err.errors : [{ code: err.code, message: err.message, field: err.field }];
  for (const e of items) {
    const path = e.field ? (fieldMap[e.field] ?? e.field) : undefined;
    const name = path?.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    if (!name || !known.has(String(name[0]))) {
      leftover.push(e.field ? `${e.field}: ${e.message}` : e.message);
      continue;
    }
    const key = name.join('.');
    const entry = byField.get(key) ?? { name, errors: [] };
    entry.errors.push(e.message);
    byField.set(key, entry);
  }
  form.setFields([...byField.values()]);
  return leftover;
}
