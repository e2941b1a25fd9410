import { createTestApp, type TestApp } from '../support/test-app';
import { requestDtoProperties } from './support/dto-metadata';
describe('meta', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(() => t.close());
  it('prints', () => {
    const rows = requestDtoProperties();
    const lines: string[] = [];
    for (const r of rows) {
      const optional = r.constraints.has('isOptional');
      const req = r.documented ? r.documented.required !== false : undefined;
      const problems: string[] = [];
      if (!r.documented) problems.push('UNDOCUMENTED');
      else if (optional === req) problems.push(`required mismatch: optional=${optional} documented.required=${req}`);
      lines.push(`${r.dto}.${r.property} [${[...r.constraints].join(',')}] ${problems.join(' ')}`);
    }
    console.log(lines.filter((l) => /UNDOC|mismatch/.test(l)).join('\n'));
    console.log(rows.length, 'properties in', new Set(rows.map((r) => r.dto)).size, 'classes');
  });
});
