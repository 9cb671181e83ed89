import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api/index.ts';
import type { AppNotification } from '../records/crm-types.ts';

/** How many notifications are unread; checked every 30 seconds and when the window regains focus. */
export const useUnreadCount = () =>
  useQuery({
    queryKey: ['notifications', 'unread-count'],
    queryFn: ({ signal }) => api.get<{ count: number }>('/api/notifications/unread-count', undefined, signal).then((r) => r.count),
    refetchInterval: 30_000,
    staleTime: 10_000,
  });

/** The latest notifications, newest first (loaded when the bell opens). */
export const useNotifications = (enabled: boolean) =>
  useQuery({
    queryKey: ['notifications', 'list'],
    queryFn: ({ signal }) => api.get<Page<AppNotification>>('/api/notifications', { limit: 30 }, signal).then((p) => p.items),
    enabled,
  });

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['notifications'] });
}

export function useReadNotification() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => api.post(`/api/notifications/${id}/read`), onSuccess: refresh });
}

export function useReadAllNotifications() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: () => api.post<{ updated: number }>('/api/notifications/read-all'), onSuccess: refresh });
}
