import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/index.ts';
import type { CreateCustomFieldBody, CustomField, UpdateCustomFieldBody } from '../records/crm-types.ts';

export type CustomEntity = 'contact' | 'company' | 'deal';

/** The custom field definitions of an entity type, in position order (archived ones only when asked). */
export const useCustomFields = (entityType: CustomEntity, includeArchived = false) =>
  useQuery({
    queryKey: ['custom-fields', entityType, includeArchived],
    queryFn: ({ signal }) =>
      api
        .get<{ items: CustomField[] }>('/api/custom-fields', { entityType, includeArchived: includeArchived || undefined }, signal)
        .then((r) => r.items),
    staleTime: 60_000,
  });

function useRefresh() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: ['custom-fields'] }), qc.invalidateQueries({ queryKey: ['audit'] })]);
}

export function useCreateCustomField() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CreateCustomFieldBody) => api.post<CustomField>('/api/custom-fields', body),
    onSuccess: refresh,
  });
}

export function useUpdateCustomField() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateCustomFieldBody }) => api.patch<CustomField>(`/api/custom-fields/${id}`, body),
    onSuccess: refresh,
  });
}

/** Archives a field: its values stay on the records but it leaves forms, columns and filters. */
export function useArchiveCustomField() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => api.delete<CustomField>(`/api/custom-fields/${id}`), onSuccess: refresh });
}
