/**
 * npm run admin:create -- <username>
 *
 * Creates an administrator. The password comes from ADMIN_PASSWORD or is asked for on the terminal
 * (twice, not echoed): it is never in the code or on the command line.
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { UsersService } from '@app/auth';
import { buildDataSourceOptions, runMigrations } from '@app/database';
import { MIGRATIONS } from '../../../../migrations';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { resolveDatabase } from '../bootstrap';

async function ask(question: string): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (!muted) process.stdout.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: Boolean(process.stdin.isTTY) });
  return new Promise((resolve) => {
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
    muted = true;
  });
}

async function main(): Promise<void> {
  const username = process.argv[2];
  if (!username) throw new Error('usage: npm run admin:create -- <username>');
  let password = process.env.ADMIN_PASSWORD;
  if (!password) {
    password = await ask(`Password for ${username}: `);
    if ((await ask('Repeat the password: ')) !== password) throw new Error('the passwords differ');
  }
  const log = new Logger('admin');
  const appConfig = loadConfig({ ...process.env, ADMIN_USERNAME: undefined, ADMIN_PASSWORD: undefined });
  const db = await resolveDatabase(appConfig, log);
  try {
    await runMigrations(buildDataSourceOptions({ url: db.url, migrations: MIGRATIONS }));
    const ctx = await NestFactory.createApplicationContext(
      AppModule.forRoot({ ...appConfig, databaseUrl: db.url, jwtSecret: db.jwtSecret, reserveKey: db.reserveKey, bankNoticeSecret: db.bankNoticeSecret, embeddedDatabase: Boolean(db.embedded), logLevel: 'warn' }),
      { logger: ['error', 'warn'] },
    );
    try {
      const created = await ctx.get(UsersService).ensureAdmin(username, password);
      log.log(created ? `created the administrator "${created.username}"` : `"${username}" already exists; nothing changed`);
    } finally {
      await ctx.close();
    }
  } finally {
    await db.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
