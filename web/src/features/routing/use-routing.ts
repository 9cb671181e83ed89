import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../lib/api/index.ts';
import type {
  QueuePage,
  ResponseTimes,
  RoutingPreview,
  RoutingRule,
  RoutingSettings,
  RoutingSettingsBody,
  RuleBody,
} from './routing-types.ts';

export const useRoutingSettings = () =>
  useQuery({
    queryKey: ['routing', 'settings'],
    queryFn: ({ signal }) => api.get<RoutingSettings>('/api/routing/settings', undefined, signal),
  });

export const useRoutingRules = () =>
  useQuery({
    queryKey: ['routing', 'rules'],
    queryFn: ({ signal }) => api.get<{ items: RoutingRule[] }>('/api/routing/rules', undefined, signal).then((r) => r.items),
  });

export const useTeams = () =>
  useQuery({
    queryKey: ['teams'],
    queryFn: ({ signal }) => api.get<{ items: { id: string; name: string }[] }>('/api/teams', undefined, signal).then((r) => r.items),
    staleTime: 60_000,
  });

function useInvalidateRouting() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['routing'] });
}

export function useUpdateRoutingSettings() {
  const done = useInvalidateRouting();
  return useMutation({
    mutationFn: (body: RoutingSettingsBody) => api.patch<RoutingSettings>('/api/routing/settings', body),
    onSuccess: done,
  });
}

export function useSaveRule() {
  const done = useInvalidateRouting();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: Partial<RuleBody> }) =>
      id ? api.patch<RoutingRule>(`/api/routing/rules/${id}`, body) : api.post<RoutingRule>('/api/routing/rules', body),
    onSuccess: done,
  });
}

export function useDeleteRule() {
  const done = useInvalidateRouting();
  return useMutation({ mutationFn: (id: string) => api.delete(`/api/routing/rules/${id}`), onSuccess: done });
}

export function useReorderRules() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) => api.post<{ items: RoutingRule[] }>('/api/routing/rules/reorder', { ids }),
    onSuccess: (r) => qc.setQueryData(['routing', 'rules'], r.items),
  });
}

export const usePreviewRouting = () =>
  useMutation({ mutationFn: (body: { contactId: string; rule?: RuleBody }) => api.post<RoutingPreview>('/api/routing/preview', body) });

/** The leads-waiting queue, page by page. */
export function useLeadsQueue(q: { owner?: string; breached?: boolean }) {
  return useInfiniteQuery({
    queryKey: ['routing', 'queue', q],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      request<QueuePage>('GET', '/api/leads/waiting', {
        query: { owner: q.owner, breached: q.breached ? 'true' : undefined, cursor: pageParam, limit: 50 },
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

export function useRouteLead() {
  const done = useInvalidateRouting();
  return useMutation({ mutationFn: (contactId: string) => api.post<RoutingPreview>(`/api/leads/${contactId}/route`), onSuccess: done });
}

export const useResponseTimes = (range: { from?: string; to?: string }) =>
  useQuery({
    queryKey: ['routing', 'response-times', range],
    queryFn: ({ signal }) => request<ResponseTimes>('GET', '/api/leads/response-times', { query: range, signal }),
    placeholderData: keepPreviousData,
  });
