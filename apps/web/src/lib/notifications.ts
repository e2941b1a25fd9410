import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '@web/api/client';

/**
 * The signed-in user's inbox, shared by the header (the unread count) and the bidder's notifications
 * page: one cache key, so marking read on the page updates the header at once.
 */
const INBOX = ['notifications'] as const;

export function useInbox(page: number, pageSize: number, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...INBOX, page, pageSize],
    enabled,
    // New messages (a review result, the bidder number…) arrive without a reload.
    refetchInterval: 30_000,
    queryFn: () => unwrap(api.GET('/api/notifications/mine', { params: { query: { page, pageSize } } })),
  });
}

/** The unread count for the header (asks for one message only). */
export function useUnreadCount(enabled: boolean): number {
  return useInbox(1, 1, { enabled }).data?.unread ?? 0;
}

export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (id: string | 'all') => {
      if (id === 'all') await unwrap(api.POST('/api/notifications/read-all'));
      else await unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } }));
    },
    onSuccess: () => client.invalidateQueries({ queryKey: INBOX }),
  });
}
