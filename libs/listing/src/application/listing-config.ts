import type { EntityManager } from 'typeorm';
import type { SettingsService } from '@app/settings';
import type { ListingSettingsOverrides } from '../domain/listing-settings';

export const LISTING_OPTIONS = Symbol('LISTING_OPTIONS');

export interface ListingOptions {
  /** AES-256-GCM key that seals reserve values at rest (32 bytes). */
  reserveKey: Buffer;
}

/**
 * The region's listing settings (platform settings store), in the shape the domain rules take: the
 * `listing.*` keys are named like the fields of ListingSettings, and are read in one query.
 */
export async function listingSettings(settings: SettingsService, em: EntityManager): Promise<ListingSettingsOverrides> {
  return (await settings.namespace('listing', em)) as ListingSettingsOverrides;
}
