import { Logger, type INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisAdapter } from '@socket.io/redis-adapter';
import { Pool } from 'pg';
import { createClient } from 'redis';
import type { Server, ServerOptions } from 'socket.io';

export type SocketAdapterMode = 'redis' | 'postgres' | 'none';

export interface ClusterIoOptions {
  readonly mode: SocketAdapterMode;
  readonly redisUrl?: string;
  readonly databaseUrl: string;
  readonly corsOrigins: readonly string[];
}

/**
 * socket.io across instances (DESIGN.md §2): with REDIS_URL the Redis adapter, otherwise the
 * PostgreSQL adapter on the same database (LISTEN/NOTIFY, large payloads through the
 * `socket_io_attachments` table), so several instances share rooms without an extra server.
 * `none` keeps rooms in memory (one instance only). Connections are opened in {@link connect},
 * before the app listens, and closed with the app.
 */
export class ClusterIoAdapter extends IoAdapter {
  private readonly logger = new Logger(ClusterIoAdapter.name);
  private adapterFactory?: ServerOptions['adapter'];
  private readonly closers: Array<() => Promise<unknown>> = [];

  constructor(
    app: INestApplicationContext,
    private readonly options: ClusterIoOptions,
  ) {
    super(app);
  }

  async connect(): Promise<void> {
    if (this.options.mode === 'redis') {
      const pub = createClient({ url: this.options.redisUrl });
      const sub = pub.duplicate();
      pub.on('error', (err: unknown) => this.logger.error({ err }, 'redis publisher error'));
      sub.on('error', (err: unknown) => this.logger.error({ err }, 'redis subscriber error'));
      await Promise.all([pub.connect(), sub.connect()]);
      this.adapterFactory = createRedisAdapter(pub, sub) as ServerOptions['adapter'];
      this.closers.push(() => Promise.allSettled([pub.quit(), sub.quit()]));
    } else if (this.options.mode === 'postgres') {
      const pool = new Pool({ connectionString: this.options.databaseUrl, max: 4 });
      pool.on('error', (err) => this.logger.error({ err }, 'socket.io postgres adapter pool error'));
      this.adapterFactory = createPostgresAdapter(pool, { errorHandler: (err) => this.logger.error({ err }, 'socket.io postgres adapter error') }) as ServerOptions['adapter'];
      this.closers.push(() => pool.end());
    }
    this.logger.log(`socket.io adapter: ${this.options.mode}`);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, {
      ...options,
      cors: { origin: this.options.corsOrigins.length > 0 ? [...this.options.corsOrigins] : false, credentials: true },
      ...(this.adapterFactory ? { adapter: this.adapterFactory } : {}),
    } as ServerOptions) as Server;
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    for (const close of this.closers.splice(0)) await close().catch(() => undefined);
  }
}
