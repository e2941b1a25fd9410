import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { RequestContext, type Actor } from '@app/common';
import { AuditEventEntity } from '../persistence/audit-event.entity';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: object | null;
  after?: object | null;
  reason?: string | null;
  /** Defaults to the actor of the current request; `system` when there is none. */
  actor?: Actor | 'system';
}

/** Keys whose values never enter the trail, wherever they appear in before/after snapshots. */
const REDACTED_KEYS = new Set(['password', 'passwordHash', 'token', 'refreshToken', 'tokenHash', 'salt', 'sealedValue', 'secret']);

function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return (value as { toJSON(): unknown }).toJSON();
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, REDACTED_KEYS.has(k) ? '[redacted]' : redact(v)]),
    );
  }
  return value;
}

/**
 * Writes the trail. `record` takes the EntityManager of the caller's transaction so the record and the
 * change it describes commit together, or neither does.
 */
@Injectable()
export class AuditService {
  async record(em: EntityManager, entry: AuditEntry): Promise<void> {
    const actor = entry.actor === 'system' ? undefined : (entry.actor ?? RequestContext.actor());
    const row: Partial<AuditEventEntity> = {
      actorId: actor?.id ?? null,
      actorName: actor?.username ?? 'system',
      actorRoles: actor ? [...actor.roles] : [],
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before ? (redact(entry.before) as Record<string, unknown>) : null,
      after: entry.after ? (redact(entry.after) as Record<string, unknown>) : null,
      reason: entry.reason ?? null,
      requestId: RequestContext.requestId() ?? null,
    };
    await em.createQueryBuilder().insert().into(AuditEventEntity).values(row as never).execute();
  }
}
