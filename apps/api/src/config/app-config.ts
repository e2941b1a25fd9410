import { plainToInstance, Transform } from 'class-transformer';
import { isIP } from 'node:net';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
  type ValidationError,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number.parseInt(value.trim(), 10) : value;
const emptyToUndefined = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

/**
 * Every setting the API reads from the environment, validated at boot. A bad or missing value stops
 * start-up with a message naming the setting. Domain numbers (lead times, deposit ratio, countdowns…)
 * are per-lot or per-region settings stored with the data, not environment variables.
 */
export class EnvironmentVariables {
  @Transform(toInt) @IsInt({ message: 'PORT must be an integer between 0 and 65535' }) @Min(0) @Max(65535)
  PORT = 3000;

  @IsString() @MinLength(1)
  HOST = '0.0.0.0';

  @Transform(emptyToUndefined) @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'DATABASE_URL must be a postgres:// URL, e.g. postgres://user:pass@host:5432/land' })
  DATABASE_URL?: string;

  @Transform(emptyToUndefined) @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'REDIS_URL must be a redis:// URL, e.g. redis://127.0.0.1:6379' })
  REDIS_URL?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters long' })
  JWT_SECRET?: string;

  /** 32 bytes as 64 hex characters or base64: seals reserve prices at rest (AES-256-GCM). */
  @Transform(emptyToUndefined) @IsOptional()
  @Matches(/^([0-9a-fA-F]{64}|[A-Za-z0-9+/]{43}=|[A-Za-z0-9_-]{43})$/, { message: 'RESERVE_ENCRYPTION_KEY must be 32 bytes written as 64 hex characters or base64' })
  RESERVE_ENCRYPTION_KEY?: string;

  /** Shared secret of the bank's deposit notices (HMAC-SHA256). */
  @Transform(emptyToUndefined) @IsOptional() @IsString()
  @MinLength(32, { message: 'BANK_NOTICE_SECRET must be at least 32 characters long' })
  BANK_NOTICE_SECRET?: string;

  /** First 6 digits of every virtual deposit sub-account (the bank's branch prefix). */
  @Matches(/^\d{6}$/, { message: 'BANK_SUB_ACCOUNT_PREFIX must be 6 digits' })
  BANK_SUB_ACCOUNT_PREFIX = '955880';

  /** Default: on with the embedded database (a demo), off with DATABASE_URL (a real deployment); always off with DEMO=off. */
  @Transform(emptyToUndefined) @IsOptional() @IsIn(['on', 'off'], { message: 'BANK_SIMULATOR must be "on" or "off"' })
  BANK_SIMULATOR?: string;

  @Transform(toInt) @IsInt() @Min(60, { message: 'JWT_ACCESS_TTL_SECONDS must be at least 60' }) @Max(86_400)
  JWT_ACCESS_TTL_SECONDS = 900;

  @Transform(toInt) @IsInt() @Min(300) @Max(30 * 86_400)
  JWT_REFRESH_TTL_SECONDS = 7 * 86_400;

  /** Comma-separated list of browser origins allowed by CORS; empty means same-origin only. */
  @IsString()
  CORS_ORIGINS = '';

  @IsString() @MinLength(1)
  DATA_DIR = '.data';

  @Transform(toInt) @IsInt() @Min(0) @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @Transform(toInt) @IsInt() @Min(2) @Max(500)
  DB_POOL_SIZE = 20;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsIn(['on', 'off'], { message: 'DEMO must be "on" or "off"' })
  DEMO = 'on';

  @Transform(emptyToUndefined) @IsOptional() @Matches(/^[a-z][a-z0-9_.-]{2,63}$/, {
    message: 'ADMIN_USERNAME must be 3–64 characters: lowercase letters, digits, "_", "." or "-", starting with a letter',
  })
  ADMIN_USERNAME?: string;

  @Transform(emptyToUndefined) @IsOptional() @IsString()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters long' }) @MaxLength(200)
  ADMIN_PASSWORD?: string;

  @Transform(toInt) @IsInt() @Min(1) @Max(100)
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInt) @IsInt() @Min(10) @Max(86_400)
  LOGIN_FAILURE_WINDOW_SECONDS = 900;

  /** Failed logins of one username from all clients within the window before the global back-off starts. */
  @Transform(toInt) @IsInt() @Min(1) @Max(100_000)
  LOGIN_BACKOFF_AFTER_FAILURES = 20;

  /** The back-off's first delay; it doubles with each further failure of the username, up to LOGIN_BACKOFF_MAX_SECONDS. */
  @Transform(toInt) @IsInt() @Min(1) @Max(86_400)
  LOGIN_BACKOFF_BASE_SECONDS = 1;

  @Transform(toInt) @IsInt() @Min(1) @Max(86_400)
  LOGIN_BACKOFF_MAX_SECONDS = 900;

  /** Which reverse proxies' X-Forwarded-For to believe for the client address: off, a hop count, or addresses (checked in loadConfig). */
  @IsString()
  TRUST_PROXY = 'off';

  @IsString() @Matches(/^[A-Za-z_]+\/[A-Za-z_]+$/, { message: 'TIMEZONE must be an IANA zone such as Asia/Shanghai' })
  TIMEZONE = 'Asia/Shanghai';

  /** How socket.io instances share rooms: auto = redis with REDIS_URL, else postgres (same database). */
  @IsIn(['auto', 'redis', 'postgres', 'none'], { message: 'SOCKET_ADAPTER must be auto, redis, postgres or none' })
  SOCKET_ADAPTER = 'auto';

  /** How often each instance's auction clock looks for due lots (ms); 0 turns it off. */
  @Transform(toInt) @IsInt() @Min(0) @Max(60_000)
  CLOCK_INTERVAL_MS = 100;

  /** Per-bidder bid rate limit (token bucket per instance). */
  @Transform(toInt) @IsInt() @Min(1) @Max(10_000)
  BID_RATE_PER_SECOND = 5;

  @Transform(toInt) @IsInt() @Min(1) @Max(10_000)
  BID_BURST = 10;

  /** How often each instance settles newly closed lots and enforces settlement deadlines (ms); 0 turns it off. */
  @Transform(toInt) @IsInt() @Min(0) @Max(3_600_000)
  SETTLEMENT_INTERVAL_MS = 5000;

  /** How often each instance deletes the practice lots (模拟竞价) whose retention has passed (ms); 0 turns it off. */
  @Transform(toInt) @IsInt() @Min(0) @Max(86_400_000)
  PRACTICE_CLEANUP_INTERVAL_MS = 60_000;

  /** The platform's public address, printed in the confirmation's verification link and QR code. */
  @Transform(emptyToUndefined) @IsOptional() @Matches(/^https?:\/\/\S+$/, { message: 'PUBLIC_BASE_URL must be an http(s) URL, e.g. https://land.example.gov.cn' })
  PUBLIC_BASE_URL?: string;

  /** 出让人 printed on the transaction confirmation. */
  @IsString() @MinLength(2) @MaxLength(100)
  TRANSFEROR_NAME = '寿光市自然资源和规划局';

  /** Most bids of one lot decided under one lock and committed together. */
  @Transform(toInt) @IsInt() @Min(1) @Max(5_000)
  BID_BATCH_MAX = 200;

  /** Outbound notification channels besides the in-app inbox: empty/none, or email, sms, email,sms. */
  @Matches(/^\s*((none|email|sms)\s*(,\s*(email|sms)\s*)*)?$/, { message: 'NOTIFY_CHANNELS must be empty, none, or a comma-separated list of email and sms' })
  NOTIFY_CHANNELS = '';

  @Transform(emptyToUndefined) @IsOptional() @Matches(/^https?:\/\/\S+$/, { message: 'NOTIFY_EMAIL_GATEWAY_URL must be an http(s) URL' })
  NOTIFY_EMAIL_GATEWAY_URL?: string;

  @Transform(emptyToUndefined) @IsOptional() @Matches(/^https?:\/\/\S+$/, { message: 'NOTIFY_SMS_GATEWAY_URL must be an http(s) URL' })
  NOTIFY_SMS_GATEWAY_URL?: string;

  /** Sent as a bearer token to the gateways. */
  @Transform(emptyToUndefined) @IsOptional() @IsString()
  NOTIFY_GATEWAY_TOKEN?: string;

  /** How often each instance delivers the notification outbox (ms); 0 turns it off. */
  @Transform(toInt) @IsInt() @Min(0) @Max(3_600_000)
  NOTIFY_DISPATCH_INTERVAL_MS = 5000;

  /** Attempts before an outbound delivery is given up as failed. */
  @Transform(toInt) @IsInt() @Min(1) @Max(50)
  NOTIFY_MAX_ATTEMPTS = 5;

  /** Wait after the first failed delivery (seconds), doubled after each further failure. */
  @Transform(toInt) @IsInt() @Min(1) @Max(86_400)
  NOTIFY_RETRY_BASE_SECONDS = 60;

  /** Largest request body (KB) on every route but uploads: small, so anonymous requests stay cheap. */
  @Transform(toInt) @IsInt({ message: 'BODY_LIMIT_KB must be an integer between 1 and 10240' }) @Min(1) @Max(10_240)
  BODY_LIMIT_KB = 64;

  /**
   * Largest body (KB) of a route that carries a file as base64, for signed-in callers: 4/3 of the
   * largest file plus the JSON around it (28 MiB fits a 20 MiB document, qualification.maxDocumentBytes).
   */
  @Transform(toInt) @IsInt({ message: 'UPLOAD_BODY_LIMIT_KB must be an integer between 64 and 204800' }) @Min(64) @Max(204_800)
  UPLOAD_BODY_LIMIT_KB = 28_672;

  /** The built web app served at / (default: apps/web/dist of the project); "off" serves none. */
  @Transform(emptyToUndefined) @IsOptional() @IsString()
  WEB_DIR?: string;

  /** An XYZ tile URL template for the parcel maps' base layer (e.g. 天地图); none: outlines only. */
  @Transform(emptyToUndefined) @IsOptional()
  @Matches(/^(?=\S*\{x\})(?=\S*\{y\})(?=\S*\{z\})(https?:\/\/|\/)\S+$/, { message: 'WEB_TILE_URL must be an http(s) or /path URL template with {z}, {x} and {y}, e.g. https://t0.tianditu.gov.cn/DataServer?T=vec_w&x={x}&y={y}&l={z}&tk=KEY' })
  WEB_TILE_URL?: string;
}

export interface AppConfig {
  port: number;
  host: string;
  databaseUrl?: string;
  redisUrl?: string;
  jwtSecret?: string;
  reserveKey?: Buffer;
  bankNoticeSecret?: string;
  bankSubAccountPrefix: string;
  bankSimulator: boolean;
  jwtAccessTtlSeconds: number;
  jwtRefreshTtlSeconds: number;
  corsOrigins: string[];
  dataDir: string;
  embeddedPgPort: number;
  dbPoolSize: number;
  logLevel: string;
  demo: boolean;
  adminUsername?: string;
  adminPassword?: string;
  loginMaxFailures: number;
  loginFailureWindowSeconds: number;
  loginBackoffAfterFailures: number;
  loginBackoffBaseSeconds: number;
  loginBackoffMaxSeconds: number;
  /** Express's `trust proxy`: false, a hop count, or trusted proxy addresses / subnets / presets. */
  trustProxy: TrustProxy;
  timezone: string;
  socketAdapter: 'redis' | 'postgres' | 'none';
  clockIntervalMs: number;
  bidRatePerSecond: number;
  bidBurst: number;
  bidBatchMax: number;
  settlementIntervalMs: number;
  practiceCleanupIntervalMs: number;
  publicBaseUrl: string;
  transferorName: string;
  notify: {
    channels: Array<'email' | 'sms'>;
    emailGatewayUrl?: string;
    smsGatewayUrl?: string;
    gatewayToken?: string;
    dispatchIntervalMs: number;
    maxAttempts: number;
    retryBaseSeconds: number;
  };
  bodyLimitBytes: number;
  uploadBodyLimitBytes: number;
  /** Undefined: the project's apps/web/dist; 'off': no web app. */
  webDir?: string;
  webTileUrl?: string;
}

/** Thrown when the environment is wrong; the message lists every bad setting by name. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

// One line per bad setting: the constraint that best says what is expected.
const CONSTRAINT_PREFERENCE = ['isInt', 'isIn', 'matches', 'isString', 'minLength', 'maxLength', 'min', 'max'];

function flatten(errors: ValidationError[]): string[] {
  return errors.map((e) => {
    const constraints = e.constraints ?? {};
    const key = CONSTRAINT_PREFERENCE.find((k) => k in constraints) ?? Object.keys(constraints)[0];
    const message = (key && constraints[key]) || 'is invalid';
    return message.includes(e.property) ? message : `${e.property}: ${message}`;
  });
}

export function loadConfig(env: NodeJS.ProcessEnv | Record<string, string | undefined>): AppConfig {
  const known = Object.keys(new EnvironmentVariables());
  const raw: Record<string, unknown> = {};
  for (const key of [...known, 'DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'RESERVE_ENCRYPTION_KEY', 'BANK_NOTICE_SECRET', 'BANK_SIMULATOR', 'ADMIN_USERNAME', 'ADMIN_PASSWORD', 'NOTIFY_EMAIL_GATEWAY_URL', 'NOTIFY_SMS_GATEWAY_URL', 'NOTIFY_GATEWAY_TOKEN']) {
    if (env[key] !== undefined) raw[key] = env[key];
  }
  const parsed = plainToInstance(EnvironmentVariables, raw);
  // Class defaults apply only to keys that were absent; plainToInstance keeps them.
  const problems = flatten(validateSync(parsed, { skipMissingProperties: false }));
  if (parsed.DATABASE_URL && !parsed.JWT_SECRET) {
    problems.push('JWT_SECRET is required when DATABASE_URL is set (at least 32 characters); it is generated only for the embedded database');
  }
  if (parsed.DATABASE_URL && !parsed.RESERVE_ENCRYPTION_KEY) {
    problems.push('RESERVE_ENCRYPTION_KEY is required when DATABASE_URL is set (32 bytes as 64 hex characters); it is generated only for the embedded database');
  }
  if (parsed.DATABASE_URL && !parsed.BANK_NOTICE_SECRET) {
    problems.push('BANK_NOTICE_SECRET is required when DATABASE_URL is set (the secret shared with the bank, at least 32 characters)');
  }
  if (parsed.SOCKET_ADAPTER === 'redis' && !parsed.REDIS_URL) problems.push('SOCKET_ADAPTER=redis needs REDIS_URL');
  const notifyChannels = [...new Set(parsed.NOTIFY_CHANNELS.split(',').map((c) => c.trim()).filter((c) => c === 'email' || c === 'sms'))] as Array<'email' | 'sms'>;
  if (notifyChannels.includes('email') && !parsed.NOTIFY_EMAIL_GATEWAY_URL) problems.push('NOTIFY_CHANNELS includes email: NOTIFY_EMAIL_GATEWAY_URL is required');
  if (notifyChannels.includes('sms') && !parsed.NOTIFY_SMS_GATEWAY_URL) problems.push('NOTIFY_CHANNELS includes sms: NOTIFY_SMS_GATEWAY_URL is required');
  if (parsed.UPLOAD_BODY_LIMIT_KB < parsed.BODY_LIMIT_KB) problems.push('UPLOAD_BODY_LIMIT_KB must not be below BODY_LIMIT_KB');
  if (Boolean(parsed.ADMIN_USERNAME) !== Boolean(parsed.ADMIN_PASSWORD)) {
    problems.push('ADMIN_USERNAME and ADMIN_PASSWORD must be set together');
  }
  if (parsed.LOGIN_BACKOFF_MAX_SECONDS < parsed.LOGIN_BACKOFF_BASE_SECONDS) {
    problems.push('LOGIN_BACKOFF_MAX_SECONDS must be at least LOGIN_BACKOFF_BASE_SECONDS');
  }
  const trustProxy = parseTrustProxy(parsed.TRUST_PROXY);
  if (typeof trustProxy === 'string') problems.push(trustProxy);
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    port: parsed.PORT,
    host: parsed.HOST,
    databaseUrl: parsed.DATABASE_URL,
    redisUrl: parsed.REDIS_URL,
    jwtSecret: parsed.JWT_SECRET,
    reserveKey: parsed.RESERVE_ENCRYPTION_KEY ? decodeKey(parsed.RESERVE_ENCRYPTION_KEY) : undefined,
    bankNoticeSecret: parsed.BANK_NOTICE_SECRET,
    bankSubAccountPrefix: parsed.BANK_SUB_ACCOUNT_PREFIX,
    // A simulated bank can fake deposits: never on by default where real money is handled, and never
    // at all outside a demo (DEMO=off wins over BANK_SIMULATOR=on).
    bankSimulator: parsed.DEMO === 'on' && (parsed.BANK_SIMULATOR ? parsed.BANK_SIMULATOR === 'on' : !parsed.DATABASE_URL),
    jwtAccessTtlSeconds: parsed.JWT_ACCESS_TTL_SECONDS,
    jwtRefreshTtlSeconds: parsed.JWT_REFRESH_TTL_SECONDS,
    corsOrigins: parsed.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    dataDir: parsed.DATA_DIR,
    embeddedPgPort: parsed.EMBEDDED_PG_PORT,
    dbPoolSize: parsed.DB_POOL_SIZE,
    logLevel: parsed.LOG_LEVEL,
    socketAdapter: parsed.SOCKET_ADAPTER === 'auto' ? (parsed.REDIS_URL ? 'redis' : 'postgres') : (parsed.SOCKET_ADAPTER as 'redis' | 'postgres' | 'none'),
    clockIntervalMs: parsed.CLOCK_INTERVAL_MS,
    bidRatePerSecond: parsed.BID_RATE_PER_SECOND,
    bidBurst: parsed.BID_BURST,
    bidBatchMax: parsed.BID_BATCH_MAX,
    settlementIntervalMs: parsed.SETTLEMENT_INTERVAL_MS,
    practiceCleanupIntervalMs: parsed.PRACTICE_CLEANUP_INTERVAL_MS,
    publicBaseUrl: (parsed.PUBLIC_BASE_URL ?? `http://localhost:${parsed.PORT}`).replace(/\/+$/, ''),
    transferorName: parsed.TRANSFEROR_NAME,
    notify: {
      channels: notifyChannels,
      emailGatewayUrl: parsed.NOTIFY_EMAIL_GATEWAY_URL,
      smsGatewayUrl: parsed.NOTIFY_SMS_GATEWAY_URL,
      gatewayToken: parsed.NOTIFY_GATEWAY_TOKEN,
      dispatchIntervalMs: parsed.NOTIFY_DISPATCH_INTERVAL_MS,
      maxAttempts: parsed.NOTIFY_MAX_ATTEMPTS,
      retryBaseSeconds: parsed.NOTIFY_RETRY_BASE_SECONDS,
    },
    bodyLimitBytes: parsed.BODY_LIMIT_KB * 1024,
    uploadBodyLimitBytes: parsed.UPLOAD_BODY_LIMIT_KB * 1024,
    webDir: parsed.WEB_DIR,
    webTileUrl: parsed.WEB_TILE_URL,
    demo: parsed.DEMO === 'on',
    adminUsername: parsed.ADMIN_USERNAME,
    adminPassword: parsed.ADMIN_PASSWORD,
    loginMaxFailures: parsed.LOGIN_MAX_FAILURES,
    loginFailureWindowSeconds: parsed.LOGIN_FAILURE_WINDOW_SECONDS,
    loginBackoffAfterFailures: parsed.LOGIN_BACKOFF_AFTER_FAILURES,
    loginBackoffBaseSeconds: parsed.LOGIN_BACKOFF_BASE_SECONDS,
    loginBackoffMaxSeconds: parsed.LOGIN_BACKOFF_MAX_SECONDS,
    trustProxy: trustProxy as TrustProxy,
    timezone: parsed.TIMEZONE,
  };
}

/** Express's `trust proxy` value: never `true`, which would believe any X-Forwarded-For a client writes. */
export type TrustProxy = false | number | string[];

const PROXY_PRESETS = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * TRUST_PROXY: `off` (default; the client is the TCP peer), a hop count (`1` = one proxy in front), or
 * a comma-separated list of the proxies' addresses, subnets (`10.0.0.0/8`) or presets (`loopback`,
 * `linklocal`, `uniquelocal`). Returns the value for Express, or a problem naming the setting.
 */
export function parseTrustProxy(text: string): TrustProxy | string {
  const value = text.trim();
  if (value === '' || value === 'off' || value === 'false' || value === '0') return false;
  if (/^\d+$/.test(value)) {
    const hops = Number.parseInt(value, 10);
    return hops <= 10 ? hops : 'TRUST_PROXY must be at most 10 hops';
  }
  if (value === 'true' || value === 'on') {
    return 'TRUST_PROXY=true would believe any X-Forwarded-For header a client sends; give the number of proxies in front (e.g. 1) or their addresses (e.g. loopback or 10.0.0.5)';
  }
  const entries = value.split(',').map((e) => e.trim());
  const bad = entries.find((e) => !PROXY_PRESETS.includes(e) && !isAddressOrSubnet(e));
  if (bad !== undefined) return `TRUST_PROXY must be off, a hop count, or comma-separated proxy addresses, subnets or presets (loopback, linklocal, uniquelocal); "${bad}" is none of these`;
  return entries;
}

function isAddressOrSubnet(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const family = isIP(address ?? '');
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d{1,3}$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}

function decodeKey(text: string): Buffer {
  return /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
}
