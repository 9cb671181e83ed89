import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/index.ts';
import type { LandingPage, PageBody, PageSummary } from './page-types.ts';

export const usePages = () =>
  useQuery({
    queryKey: ['pages', 'list'],
    queryFn: ({ signal }) => api.get<{ items: PageSummary[] }>('/api/pages', undefined, signal).then((r) => r.items),
  });

export const usePage = (id: string) =>
  useQuery({ queryKey: ['pages', 'detail', id], queryFn: ({ signal }) => api.get<LandingPage>(`/api/pages/${id}`, undefined, signal) });

export function useSavePage(id: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<PageBody>) =>
      id ? api.patch<LandingPage>(`/api/pages/${id}`, body) : api.post<LandingPage>('/api/pages', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['pages'] }),
  });
}

export function usePublishPage(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (published: boolean) => api.post<LandingPage>(`/api/pages/${id}/publish`, { published }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['pages'] }),
  });
}

export function useDeletePage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/pages/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['pages'] }),
  });
}
