import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { api, unwrap } from '@web/api/client';
import type { components, operations } from '@web/api/schema';
// The portal's page styles ride with the module every portal page imports: a stylesheet imported by
// several lazy pages alone becomes a CSS-only chunk, which the build drops after listing it.
import './portal.css';

export type PublicLot = components['schemas']['PublicLotDto'];
export type PublicLotListItem = components['schemas']['PublicLotListItemDto'];
export type PublicNotice = components['schemas']['PublicNoticeDto'];
export type PublicAnnouncement = components['schemas']['PublicAnnouncementDto'];
export type LotResult = components['schemas']['LotResultDto'];
export type LotChain = components['schemas']['LotChainDto'];
export type LandSalesFigures = components['schemas']['LandSalesFiguresDto'];
export type NoticeQuery = NonNullable<operations['PublicController_feed']['parameters']['query']>;
export type LotQuery = NonNullable<operations['PublicController_lots']['parameters']['query']>;

export function useNotices(query: NoticeQuery) {
  return useQuery({
    queryKey: ['public', 'notices', query],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/public/notices', { params: { query } })),
  });
}

export function useNotice(id: string) {
  return useQuery({
    queryKey: ['public', 'notice', id],
    queryFn: () => unwrap(api.GET('/api/public/notices/{id}', { params: { path: { id } } })),
  });
}

/** The values the filters offer (districts, planned uses, methods of the published lots). */
export function useFacets() {
  return useQuery({
    queryKey: ['public', 'facets'],
    staleTime: 5 * 60_000,
    queryFn: () => unwrap(api.GET('/api/public/facets')),
  });
}

/** Lots trading now, in one call (GET /public/lots?trading=true), refreshed every half minute. */
export function useTradingLots() {
  return useQuery({
    queryKey: ['public', 'lots', { trading: 'true' }],
    refetchInterval: 30_000,
    queryFn: async () => (await unwrap(api.GET('/api/public/lots', { params: { query: { trading: 'true', pageSize: 20 } } }))).items,
  });
}

export function useLots(query: LotQuery) {
  return useQuery({
    queryKey: ['public', 'lots', query],
    placeholderData: keepPreviousData,
    queryFn: () => unwrap(api.GET('/api/public/lots', { params: { query } })),
  });
}

export function usePublicLot(lotId: string) {
  return useQuery({
    queryKey: ['public', 'lot', lotId],
    queryFn: () => unwrap(api.GET('/api/public/lots/{id}', { params: { path: { id: lotId } } })),
  });
}

export function useAnnouncement(id: string | undefined) {
  return useQuery({
    queryKey: ['public', 'announcement', id],
    enabled: Boolean(id),
    queryFn: () => unwrap(api.GET('/api/public/announcements/{id}', { params: { path: { id: id! } } })),
  });
}

export function useAnnouncementVersion(id: string, version: number | null) {
  return useQuery({
    queryKey: ['public', 'announcement', id, 'version', version],
    enabled: version !== null,
    queryFn: () => unwrap(api.GET('/api/public/announcements/{id}/versions/{version}', { params: { path: { id, version: version! } } })),
  });
}

export function useLotResult(lotId: string) {
  return useQuery({
    queryKey: ['public', 'lot', lotId, 'result'],
    retry: false,
    queryFn: () => unwrap(api.GET('/api/public/lots/{id}/result', { params: { path: { id: lotId } } })),
  });
}

/** The published chain: fetched when someone asks to verify it (it can be long). */
export function useChain(lotId: string) {
  return useMutation({
    mutationFn: () => unwrap(api.GET('/api/public/lots/{id}/chain', { params: { path: { id: lotId } } })),
  });
}

/** What a confirmation's code certifies; with the SHA-256 of a PDF, whether it is the document on record. */
export function useConfirmationCheck() {
  return useMutation({
    mutationFn: ({ code, sha256 }: { code: string; sha256?: string }) =>
      sha256
        ? unwrap(api.POST('/api/public/confirmations/{code}/check', { params: { path: { code } }, body: { sha256 } }))
        : unwrap(api.GET('/api/public/confirmations/{code}', { params: { path: { code } } })),
  });
}

export function useLandSales(by: 'district' | null) {
  return useQuery({
    queryKey: ['public', 'statistics', 'land-sales', by],
    queryFn: () => unwrap(api.GET('/api/public/statistics/land-sales', { params: { query: { period: 'month', ...(by ? { by } : {}) } } })),
  });
}

export function useWebConfig() {
  return useQuery({
    queryKey: ['public', 'web-config'],
    staleTime: Number.POSITIVE_INFINITY,
    queryFn: () => unwrap(api.GET('/api/public/web-config')),
  });
}
