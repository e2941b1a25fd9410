import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SettingsService } from '@app/settings';
import { resolveSettlementSettings, SETTLEMENT_DEFAULTS, type SettlementSettings } from '../domain/settlement-settings';

/** The settlement numbers of DOMAIN.md §7 as the region set them (`settlement.*` settings). */
@Injectable()
export class SettlementSettingsProvider implements OnModuleInit {
  constructor(private readonly settings: SettingsService) {}

  /** A new `settlement.*` value must pass the settlement rules (e.g. installment shares adding up to 1) before it is stored. */
  onModuleInit(): void {
    this.settings.registerCheck('settlement', (name, value) => {
      if (name in SETTLEMENT_DEFAULTS) resolveSettlementSettings({ [name]: value } as Partial<SettlementSettings>);
    });
  }

  async get(em?: EntityManager): Promise<SettlementSettings & { blacklistMonths: number }> {
    const s = await this.settings.namespace('settlement', em);
    const { blacklistMonths, ...rest } = s as Record<string, unknown> & { blacklistMonths?: number };
    return { ...resolveSettlementSettings(rest as Partial<SettlementSettings>), blacklistMonths: blacklistMonths ?? 36 };
  }
}
