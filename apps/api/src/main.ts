import { ConfigError } from './config/app-config';
import { startPlatform } from './bootstrap';

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
    platform.stop().then(
      () => process.exit(0),
      () => process.exit(1),
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
