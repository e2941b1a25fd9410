import { useQuery } from '@tanstack/react-query';
import type { LotPhase } from '@app/contracts';
import { api, unwrap, unwrapView } from '@web/api/client';
import type { Page, PublicAnnouncement, PublicAnnouncementHeader, PublicLot, PublicNotice } from '@web/api/views';

/** Phases in which a lot is being traded (someone may bid, or the clock runs). */
export const TRADING_PHASES: readonly LotPhase[] = ['listing', 'timed_round', 'auction_round', 'cap_round', 'sealed_bidding', 'opening', 'frozen'];

export function useNotices(pageSize = 10) {
  return useQuery({
    queryKey: ['public', 'notices', pageSize],
    queryFn: () => unwrapView<Page<PublicNotice>>(api.GET('/api/public/notices', { params: { query: { page: 1, pageSize } } })),
  });
}

/**
 * Lots trading now, from the latest published announcements (the API has no "trading now" list yet:
 * one call per announcement; fine for the portal's first page).
 */
export function useTradingLots() {
  return useQuery({
    queryKey: ['public', 'trading-lots'],
    refetchInterval: 30_000,
    queryFn: async () => {
      const list = await unwrapView<Page<PublicAnnouncementHeader>>(api.GET('/api/public/announcements', { params: { query: { page: 1, pageSize: 20 } } }));
      const details = await Promise.all(
        list.items.map((a) => unwrapView<PublicAnnouncement>(api.GET('/api/public/announcements/{id}', { params: { path: { id: a.id } } }))),
      );
      return details.flatMap((a) => a.lots.filter((l) => TRADING_PHASES.includes(l.phase)).map((lot) => ({ lot, announcement: a })));
    },
  });
}

export function usePublicLot(lotId: string) {
  return useQuery({
    queryKey: ['public', 'lot', lotId],
    queryFn: () => unwrapView<PublicLot>(api.GET('/api/public/lots/{id}', { params: { path: { id: lotId } } })),
  });
}

export function useWebConfig() {
  return useQuery({
    queryKey: ['public', 'web-config'],
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: () => unwrap(api.GET('/api/public/web-config')),
  });
}
