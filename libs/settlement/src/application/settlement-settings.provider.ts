import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SettingsService } from '@app/settings';
import { resolveSettlementSettings, type SettlementSettings } from '../domain/settlement-settings';

/** The settlement numbers of DOMAIN.md §7 as the region set them (`settlement.*` settings). */
@Injectable()
export class SettlementSettingsProvider {
  constructor(private readonly settings: SettingsService) {}

  async get(em?: EntityManager): Promise<SettlementSettings & { blacklistMonths: number }> {
    const s = await this.settings.namespace('settlement', em);
    const { blacklistMonths, ...rest } = s as Record<string, unknown> & { blacklistMonths?: number };
    return { ...resolveSettlementSettings(rest as Partial<SettlementSettings>), blacklistMonths: blacklistMonths ?? 36 };
  }
}
