import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createApp } from '../../apps/api/src/bootstrap';
import { testRuntimeConfig } from './test-app';

/**
 * An API instance in its own process, for tests that kill one (SIGKILL) mid-auction. Started with
 * `node -r ./test/support/ts-hook.js test/support/instance-main.ts`, configured by INSTANCE_DATABASE_URL
 * and INSTANCE_ENV (JSON); prints `{"port": …}` on one line once it listens.
 */
async function main(): Promise<void> {
  const env = JSON.parse(process.env.INSTANCE_ENV ?? '{}') as Record<string, string>;
  const url = process.env.INSTANCE_DATABASE_URL;
  if (!url) throw new Error('INSTANCE_DATABASE_URL is required');
  const app = await createApp(testRuntimeConfig(env, url, mkdtempSync(path.join(tmpdir(), 'land-instance-'))));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ port })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${String((err as Error).stack ?? err)}\n`);
  process.exit(1);
});
