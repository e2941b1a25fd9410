import { ERROR_MESSAGES_ZH, type MessageTemplate } from './error-messages.zh';
import type { Language } from './language';

export type MessageParams = Readonly<Record<string, unknown>>;

/**
 * Fills a template: `{name}` takes `params[name]`. With a list, the first template whose parameters
 * are all given wins; undefined when none fits.
 */
export function fillTemplate(template: MessageTemplate, params: MessageParams): string | undefined {
  for (const candidate of typeof template === 'string' ? [template] : template) {
    let complete = true;
    const text = candidate.replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name];
      if (value === undefined || value === null || value === '') {
        complete = false;
        return '';
      }
      return String(value);
    });
    if (complete) return text;
  }
  return undefined;
}

/** True when the catalogue has a Chinese text for the code. */
export function hasChineseMessage(code: string): boolean {
  return Object.prototype.hasOwnProperty.call(ERROR_MESSAGES_ZH, code);
}

/**
 * The message of an error in the caller's language. English is the text the error was thrown with
 * (nothing is lost); Chinese comes from the catalogue by code, filled with the field and the
 * error's details, and falls back to the English text for a code the catalogue lacks.
 */
export function localizeMessage(
  language: Language,
  error: { code: string; message: string; field?: string; details?: MessageParams },
): string {
  if (language === 'en') return error.message;
  const template = hasChineseMessage(error.code) ? ERROR_MESSAGES_ZH[error.code] : undefined;
  if (!template) return error.message;
  return fillTemplate(template, { ...(error.details ?? {}), field: error.field }) ?? error.message;
}

/** A socket acknowledgement `{ok: false, code, message, field?}` with its message localized; others unchanged. */
export function localizeAck<T>(ack: T, language: Language): T {
  if (typeof ack !== 'object' || ack === null) return ack;
  const a = ack as { ok?: unknown; code?: unknown; message?: unknown; field?: unknown };
  if (a.ok !== false || typeof a.code !== 'string' || typeof a.message !== 'string') return ack;
  const message = localizeMessage(language, { code: a.code, message: a.message, field: typeof a.field === 'string' ? a.field : undefined });
  return { ...ack, message };
}
