import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/index.ts';
import type { RecordEntity, SavedView, UpdateViewBody, ViewBody } from './crm-types.ts';

/** Built-in views, mine and the shared ones, for one record type. */
export const useViews = (entity: RecordEntity) =>
  useQuery({
    queryKey: ['views', entity],
    queryFn: ({ signal }) => api.get<{ items: SavedView[] }>('/api/views', { entityType: entity }, signal).then((r) => r.items),
    staleTime: 60_000,
  });

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['views'] });
}

export function useCreateView() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: ViewBody) => api.post<SavedView>('/api/views', body), onSuccess: refresh });
}

export function useUpdateView() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateViewBody }) => api.patch<SavedView>(`/api/views/${encodeURIComponent(id)}`, body),
    onSuccess: refresh,
  });
}

export function useDeleteView() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => api.delete<{ ok: true }>(`/api/views/${encodeURIComponent(id)}`), onSuccess: refresh });
}
