/**
 * npm run migration:run | migration:revert | migration:show | migration:generate -- <Name>
 *
 * Works on DATABASE_URL, or on the embedded database in DATA_DIR (starting it, or joining the one a
 * running platform started). `generate` compares the entities with the schema and writes a new
 * timestamped migration into migrations/, to be reviewed and added to migrations/index.ts.
 */
import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, runMigrations } from '@app/database';
import { MIGRATIONS } from '../../../../migrations';
import { AppModule } from '../app.module';
import { loadConfig } from '../config/app-config';
import { resolveDatabase } from '../bootstrap';

async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const log = new Logger('migrations');
  const appConfig = loadConfig(process.env);
  const db = await resolveDatabase(appConfig, log);
  try {
    const options = buildDataSourceOptions({ url: db.url, migrations: MIGRATIONS });
    if (command === 'run') {
      const applied = await runMigrations(options);
      log.log(applied.length ? `applied: ${applied.map((m) => m.name).join(', ')}` : 'nothing to apply');
    } else if (command === 'revert' || command === 'show') {
      const ds = await new DataSource(options).initialize();
      try {
        if (command === 'revert') await ds.undoLastMigration({ transaction: 'each' });
        else log.log((await ds.showMigrations()) ? 'there are pending migrations' : 'the schema is up to date');
      } finally {
        await ds.destroy();
      }
    } else if (command === 'generate') {
      if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('usage: npm run migration:generate -- <PascalCaseName>');
      await runMigrations(options);
      // The application context knows every entity (each context registers its own).
      const ctx = await NestFactory.createApplicationContext(
        AppModule.forRoot({ ...appConfig, databaseUrl: db.url, jwtSecret: db.jwtSecret, reserveKey: db.reserveKey, bankNoticeSecret: db.bankNoticeSecret, embeddedDatabase: Boolean(db.embedded), logLevel: 'warn' }),
        { logger: ['error', 'warn'] },
      );
      try {
        const ds = ctx.get<DataSource>(getDataSourceToken());
        const sql = await ds.driver.createSchemaBuilder().log();
        if (sql.upQueries.length === 0) {
          log.log('the entities match the schema: no migration needed');
          return;
        }
        const timestamp = Date.now();
        const q = (s: string) => '`' + s.replace(/`/g, '\\`') + '`';
        const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${timestamp} implements MigrationInterface {
  name = '${name}${timestamp}';

  async up(q: QueryRunner): Promise<void> {
${sql.upQueries.map((u) => `    await q.query(${q(u.query)});`).join('\n')}
  }

  async down(q: QueryRunner): Promise<void> {
${sql.downQueries.reverse().map((d) => `    await q.query(${q(d.query)});`).join('\n')}
  }
}
`;
        const file = path.resolve(__dirname, '../../../../../migrations', `${timestamp}-${name}.ts`);
        writeFileSync(file, body);
        log.log(`wrote ${file}; review it and add it to migrations/index.ts`);
      } finally {
        await ctx.close();
      }
    } else {
      throw new Error('usage: migration-cli run | revert | show | generate <Name>');
    }
  } finally {
    await db.embedded?.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
