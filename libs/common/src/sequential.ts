/**
 * `Promise.all(items.map(fn))`, one at a time. Queries through one transaction's EntityManager share
 * one connection, and pg refuses (deprecated, removed in pg 9) a query sent while another is running.
 */
export async function mapInOrder<T, R>(items: readonly T[], fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i++) out.push(await fn(items[i], i));
  return out;
}
