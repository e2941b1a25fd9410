import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildOpenApiDocument } from '../../apps/api/src/cli/openapi-document';
import { createTestApp, type TestApp } from '../support/test-app';

const ROOT = path.resolve(__dirname, '../..');
const WEB_API_TYPES_FILE = 'apps/web/src/api/schema.d.ts';
const WEB_API_COMMAND = 'npm run web:api';

/** What `npm run web:api` would write, printed by the same script. */
async function generatedTypes(): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, ['-r', path.join(ROOT, 'test/support/ts-hook.js'), path.join(ROOT, 'apps/api/src/cli/web-api-types.ts'), '--print'], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/**
 * The web app's types of the HTTP API (apps/web/src/api/schema.d.ts) are generated from the API's
 * OpenAPI document and committed. This fails when the API changed and nobody regenerated them.
 */
describe('the web app’s generated API types', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it('the document built offline (no database, no port) is the one the API serves', async () => {
    const served = (await t.http().get('/api/docs-json').expect(200)).body as Record<string, unknown>;
    expect(JSON.parse(JSON.stringify(await buildOpenApiDocument()))).toEqual(served);
  });

  it(`apps/web/src/api/schema.d.ts is what the current API generates (else run ${WEB_API_COMMAND})`, async () => {
    // Generating takes a child process that transpiles the API: allow for a loaded machine.
    const committed = readFileSync(path.join(ROOT, WEB_API_TYPES_FILE), 'utf8');
    const generated = await generatedTypes();
    if (committed !== generated) {
      const a = committed.split('\n');
      const b = generated.split('\n');
      const line = a.findIndex((l, i) => l !== b[i]);
      throw new Error(
        `${WEB_API_TYPES_FILE} is stale: the API changed since it was generated. Run \`${WEB_API_COMMAND}\` and commit the result.\n` +
          `first difference at line ${line + 1}:\n  committed: ${a[line] ?? '(end of file)'}\n  generated: ${b[line] ?? '(end of file)'}`,
      );
    }
  }, 180_000);
});
