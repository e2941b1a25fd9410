import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import { DomainError } from '@app/common';
import { TransactionRunner } from '@app/database';
import { checkSettingValue, isDefaultValue, SETTING_DEFINITIONS, type SettingDefinition } from '../domain/setting-definitions';
import { PlatformSettingEntity } from '../persistence/platform-setting.entity';

export interface SettingView extends SettingDefinition {
  value: unknown;
  /** The value differs from the handbook default (a value set back to the default is not an override). */
  overridden: boolean;
}

/** Reads settings (the stored override, else the handbook default) and lets staff change them. */
@Injectable()
export class SettingsService {
  /** Checks that the context owning a namespace registers for its settings (e.g. settlement's plan rules). */
  private readonly checks = new Map<string, (name: string, value: unknown) => void>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly audit: AuditService,
  ) {}

  /**
   * The context that owns `namespace.*` settings checks a new value by its own rules before it is
   * stored (throwing a DomainError naming the field); the generic check here only knows the kind.
   */
  registerCheck(namespace: string, check: (name: string, value: unknown) => void): void {
    this.checks.set(namespace, check);
  }

  async get<T>(key: string, em: EntityManager = this.dataSource.manager): Promise<T> {
    const def = SETTING_DEFINITIONS.get(key);
    if (!def) throw new Error(`unknown setting ${key}`);
    const row = await em.findOneBy(PlatformSettingEntity, { key });
    return (row ? row.value : def.default) as T;
  }

  /**
   * Every setting under `prefix.` in one query, keyed without the prefix
   * (`namespace('listing')` → `{ leadTimeCalendarDays: 20, … }`).
   */
  async namespace(prefix: string, em: EntityManager = this.dataSource.manager): Promise<Record<string, unknown>> {
    const rows = await em.createQueryBuilder(PlatformSettingEntity, 's').where('s.key LIKE :p', { p: `${prefix}.%` }).getMany();
    const stored = new Map(rows.map((r) => [r.key, r.value]));
    const out: Record<string, unknown> = {};
    for (const def of SETTING_DEFINITIONS.values()) {
      if (def.key.startsWith(`${prefix}.`)) out[def.key.slice(prefix.length + 1)] = stored.has(def.key) ? stored.get(def.key) : def.default;
    }
    return out;
  }

  async list(): Promise<SettingView[]> {
    const rows = await this.dataSource.manager.find(PlatformSettingEntity);
    const stored = new Map(rows.map((r) => [r.key, r.value]));
    return [...SETTING_DEFINITIONS.values()].map((def) => {
      const value = stored.has(def.key) ? stored.get(def.key) : def.default;
      return { ...def, value, overridden: !isDefaultValue(def.key, value) };
    });
  }

  async set(key: string, value: unknown, reason: string): Promise<SettingView> {
    if (!SETTING_DEFINITIONS.has(key)) throw new DomainError('SETTING_NOT_FOUND', `there is no setting "${key}"`, 'key');
    const checked = checkSettingValue(key, value);
    const dot = key.indexOf('.');
    this.checks.get(key.slice(0, dot))?.(key.slice(dot + 1), checked);
    await this.tx.run(async (em) => {
      const before = await em.findOne(PlatformSettingEntity, { where: { key }, lock: { mode: 'pessimistic_write' } });
      await em.upsert(PlatformSettingEntity, { key, value: checked as object, updatedAt: () => 'now()' }, ['key']);
      await this.audit.record(em, {
        action: 'setting.set',
        entityType: 'setting',
        entityId: key,
        before: { value: before ? before.value : SETTING_DEFINITIONS.get(key)!.default },
        after: { value: checked },
        reason,
      });
    });
    return (await this.list()).find((s) => s.key === key)!;
  }
}
