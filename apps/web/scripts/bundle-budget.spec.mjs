import { describe, expect, it } from 'vitest';
import { checkBudget, PORTAL_HOME } from './bundle-budget.mjs';

/** @param {string} fileName @param {Partial<import('./bundle-budget.mjs').Chunk>} [over] */
const chunk = (fileName, over = {}) => ({ fileName, isEntry: false, facadeModuleId: null, imports: [], packages: [], ...over });

describe('bundle budget', () => {
  const chunks = [
    chunk('entry.js', { isEntry: true, packages: ['react'] }),
    chunk('home.js', { facadeModuleId: PORTAL_HOME, imports: ['shared.js'] }),
    chunk('shared.js', { packages: ['antd'] }),
    chunk('map.js', { facadeModuleId: 'apps/web/src/components/parcel-map/parcel-map-view.tsx', packages: ['ol'] }),
  ];
  const sizes = new Map([['entry.js', 200_000], ['home.js', 10_000], ['shared.js', 50_000], ['map.js', 100_000]]);

  it('counts the entry, the portal home and their static imports, not the lazy chunks', () => {
    const r = checkBudget(chunks, sizes);
    expect([...r.first].sort()).toEqual(['entry.js', 'home.js', 'shared.js']);
    expect(r.firstLoadBytes).toBe(260_000);
    expect(r.problems).toEqual([]);
  });

  it('fails past the budget', () => {
    expect(checkBudget(chunks, new Map([...sizes, ['shared.js', 95_000]])).problems[0]).toMatch(/305.0 kB of gzipped JavaScript, over the budget of 300.0 kB/);
  });

  it('fails when OpenLayers or ECharts lands in the first load', () => {
    const leaky = chunks.map((c) => (c.fileName === 'shared.js' ? { ...c, packages: ['antd', 'echarts', 'zrender'] } : c));
    expect(checkBudget(leaky, sizes).problems).toEqual([expect.stringMatching(/^echarts, zrender landed in the first load \(shared.js\)/)]);
  });
});
