import type { EntityManager } from 'typeorm';
import type { SettingsService } from '@app/settings';
import type { ListingSettingsOverrides } from '../domain/listing-settings';

export const LISTING_OPTIONS = Symbol('LISTING_OPTIONS');

export interface ListingOptions {
  /** AES-256-GCM key that seals reserve values at rest (32 bytes). */
  reserveKey: Buffer;
}

/** The region's listing settings (platform settings store), in the shape the domain rules take. */
export async function listingSettings(settings: SettingsService, em: EntityManager): Promise<ListingSettingsOverrides> {
  return {
    leadTimeCalendarDays: await settings.get<number>('listing.leadTimeCalendarDays', em),
    minListingDays: await settings.get<number>('listing.minListingDays', em),
    listingDaysAreWorkingDays: await settings.get<boolean>('listing.listingDaysAreWorkingDays', em),
    minDepositRatio: await settings.get<string>('listing.minDepositRatio', em),
    registrationCloseWorkingDays: await settings.get<number>('listing.registrationCloseWorkingDays', em),
    reserveSealMinutesBeforeEnd: await settings.get<number>('listing.reserveSealMinutesBeforeEnd', em),
    minCommitteeSize: await settings.get<number>('listing.minCommitteeSize', em),
    resumptionNoticeDays: await settings.get<number>('listing.resumptionNoticeDays', em),
  };
}
