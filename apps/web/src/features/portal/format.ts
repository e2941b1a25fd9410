/** Dates and times as the public reads them: Beijing time, 24-hour clock, in the UI language. */
const TIME_ZONE = 'Asia/Shanghai';

export function formatDateTime(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

export function formatDate(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(iso));
}
