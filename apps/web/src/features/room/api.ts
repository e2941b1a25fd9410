import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, unwrapView } from '@web/api/client';
import type { PublicLot } from '@web/api/views';

/** The room's HTTP reads: the lot's title and terms (its increment policy, warnings, cap rule), practice lots. */

/**
 * A published lot with its terms. INTERIM (api/views.ts): the terms are a JSON object whose fields the
 * room reads defensively (lib/lot-room/bid-terms.ts), so they are typed `unknown` here, not copied.
 */
type PublicLotWithTerms = PublicLot & { terms: unknown };

export function useRoomLot(lotId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['room', 'lot', lotId],
    enabled,
    staleTime: 60_000,
    queryFn: () => unwrapView<PublicLotWithTerms>(api.GET('/api/public/lots/{id}', { params: { path: { id: lotId } } })),
  });
}

export function usePracticeLot(lotId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['room', 'practice', lotId],
    enabled,
    queryFn: () => unwrap(api.GET('/api/practice-lots/{id}', { params: { path: { id: lotId } } })),
  });
}

export function useMyPracticeLots() {
  return useQuery({
    queryKey: ['room', 'practice', 'mine'],
    queryFn: () => unwrap(api.GET('/api/practice-lots/mine')),
  });
}

/**
 * One click: a listing with its timed final round, opening in 10 s with a 90 s board, against three
 * simulated opponents (the API's defaults, which its schema makes the client spell out).
 */
export function useStartPractice() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => unwrap(api.POST('/api/practice-lots', { body: { method: 'listing', opensInSeconds: 10, listingSeconds: 90, opponents: 3 } })),
    onSuccess: () => client.invalidateQueries({ queryKey: ['room', 'practice', 'mine'] }),
  });
}
