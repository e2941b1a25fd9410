/** Percentile of a list of milliseconds (nearest rank). */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round(sorted[rank] * 100) / 100;
}

export function rate(count: number, ms: number): number {
  return Math.round((count / (ms / 1000)) * 10) / 10;
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
