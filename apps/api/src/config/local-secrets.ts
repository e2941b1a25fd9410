import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface LocalSecrets {
  jwtSecret: string;
  postgresPassword: string;
  /** Hex, 32 bytes: seals reserve prices at rest. */
  reserveKey: string;
  /** Shared with the (simulated) bank to sign deposit notices. */
  bankNoticeSecret: string;
}

/**
 * On the embedded default, secrets are generated on the first start and kept in the data folder
 * (mode 0600), so restarts keep sessions and the database password. Production sets JWT_SECRET and
 * DATABASE_URL instead.
 */
export function loadOrCreateLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.join(dataDir, 'secrets.json');
  if (existsSync(file)) {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LocalSecrets>;
    if (typeof parsed.jwtSecret === 'string' && typeof parsed.postgresPassword === 'string') {
      // Data folders from before the reserve key existed get one added; the rest is kept as it was.
      const secrets: LocalSecrets = {
        jwtSecret: parsed.jwtSecret,
        postgresPassword: parsed.postgresPassword,
        reserveKey: parsed.reserveKey ?? randomBytes(32).toString('hex'),
        bankNoticeSecret: parsed.bankNoticeSecret ?? randomBytes(32).toString('base64url'),
      };
      if (!parsed.reserveKey || !parsed.bankNoticeSecret) writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
      return secrets;
    }
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  const secrets: LocalSecrets = {
    jwtSecret: randomBytes(48).toString('base64url'),
    postgresPassword: randomBytes(24).toString('base64url'),
    reserveKey: randomBytes(32).toString('hex'),
    bankNoticeSecret: randomBytes(32).toString('base64url'),
  };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
