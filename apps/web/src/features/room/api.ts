import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@web/api/client';

/** The room's HTTP reads: the lot's title and terms (its increment policy, warnings, cap rule), practice lots. */

/** A published lot with its terms (the room reads its increment policy, warnings and cap rule from them: lib/lot-room/bid-terms.ts). */
export function useRoomLot(lotId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['room', 'lot', lotId],
    enabled,
    staleTime: 60_000,
    queryFn: () => unwrap(api.GET('/api/public/lots/{id}', { params: { path: { id: lotId } } })),
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
