import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../lib/api/index.ts';
import type { Site, SiteBody, WebActivity, WebAnalytics } from './tracking-types.ts';

export const useSites = (opts: { live?: boolean } = {}) =>
  useQuery({
    queryKey: ['tracking', 'sites'],
    queryFn: ({ signal }) => api.get<{ items: Site[] }>('/api/tracking/sites', undefined, signal).then((r) => r.items),
    // The "last hit" check: while the settings screen is open, look again every 5 s.
    refetchInterval: opts.live ? 5000 : false,
  });

export function useSaveSite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Partial<SiteBody> }) =>
      id ? api.patch<Site>(`/api/tracking/sites/${id}`, body) : api.post<Site>('/api/tracking/sites', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['tracking'] }),
  });
}

export function useDeleteSite() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/tracking/sites/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['tracking'] }),
  });
}

export const useWebAnalytics = (q: { from: string; to: string; siteId?: string }) =>
  useQuery({
    queryKey: ['tracking', 'analytics', q],
    queryFn: ({ signal }) => request<WebAnalytics>('GET', '/api/tracking/analytics', { query: q, signal }),
    placeholderData: keepPreviousData,
  });

export const useWebActivity = (contactId: string) =>
  useQuery({
    queryKey: ['tracking', 'activity', contactId],
    queryFn: ({ signal }) => api.get<WebActivity>(`/api/contacts/${contactId}/web-activity`, undefined, signal),
  });
