import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@web/api/client';
import type { components } from '@web/api/schema';

/** The room's HTTP reads: the lot's title and terms (its increment policy, warnings, cap rule), the bidder's own lots, practice lots. */

export type OwnApplication = components['schemas']['OwnApplicationResponse'];
export type LotSnapshot = components['schemas']['LotSnapshotDto'];

/** A published lot with its terms (the room reads its increment policy, warnings and cap rule from them: lib/lot-room/bid-terms.ts). */
export function useRoomLot(lotId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['room', 'lot', lotId],
    enabled,
    staleTime: 60_000,
    queryFn: () => unwrap(api.GET('/api/public/lots/{id}', { params: { path: { id: lotId } } })),
  });
}

/** Every application of the bidder (joint ones as this member sees them), newest first. */
export function useMyApplications() {
  return useQuery({
    queryKey: ['room', 'applications', 'mine'],
    queryFn: () => unwrap(api.GET('/api/applications/mine')),
  });
}

/**
 * The live phase, deadline and opening instant of each lot (the public trading snapshot, the same the
 * room joins with). Re-read every 30 s so a lot that opens while the page stays up offers its room.
 */
export function useLotSnapshots(lotIds: readonly string[]) {
  return useQueries({
    queries: lotIds.map((id) => ({
      queryKey: ['room', 'snapshot', id],
      refetchInterval: 30_000,
      queryFn: () => unwrap(api.GET('/api/public/lots/{id}/trading', { params: { path: { id } } })),
    })),
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
