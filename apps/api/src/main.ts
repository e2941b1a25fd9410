import { ConfigError } from './config/app-config';
import { startPlatform } from './bootstrap';

const STOP_TIMEOUT_MS = 30_000;

async function main(): Promise<void> {
  const platform = await startPlatform(process.env);
  process.stdout.write(
    `\nLand trading platform is running at ${platform.url}\n` +
      `  API docs:  ${platform.url}/api/docs\n` +
      `  Health:    ${platform.url}/api/health\n` +
      `  Database:  ${platform.config.embeddedDatabase ? `embedded PostgreSQL (${platform.config.dataDir}/pg)` : 'DATABASE_URL'}\n\n`,
  );
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: shutting down\n`);
    // A request or socket that never ends must not keep a stopping platform alive forever.
    setTimeout(() => {
      process.stderr.write(`the platform did not stop within ${STOP_TIMEOUT_MS / 1000} s; exiting anyway\n`);
      process.exit(1);
    }, STOP_TIMEOUT_MS).unref();
    platform.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`the platform did not stop cleanly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\nThe platform did not start. Fix the setting(s) above and try again.\n`);
  } else {
    process.stderr.write(`The platform failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
