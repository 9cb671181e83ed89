import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/index.ts';
import type { Form, FormBody, FormSummary, Submission } from './form-types.ts';

export const useForms = () =>
  useQuery({
    queryKey: ['forms', 'list'],
    queryFn: ({ signal }) => api.get<{ items: FormSummary[] }>('/api/forms', undefined, signal).then((r) => r.items),
  });

export const useForm = (id: string) =>
  useQuery({ queryKey: ['forms', 'detail', id], queryFn: ({ signal }) => api.get<Form>(`/api/forms/${id}`, undefined, signal) });

export const useSubmissions = (id: string, cursor?: string) =>
  useQuery({
    queryKey: ['forms', 'submissions', id, cursor],
    queryFn: ({ signal }) =>
      api.get<{ items: Submission[]; nextCursor: string | null }>(`/api/forms/${id}/submissions`, { cursor, limit: 50 }, signal),
  });

export const useContactFieldDefs = () =>
  useQuery({
    queryKey: ['custom-fields', 'contact'],
    queryFn: ({ signal }) =>
      api
        .get<{ items: { key: string; label: string; archived: boolean }[] }>('/api/custom-fields', { entityType: 'contact' }, signal)
        .then((r) => r.items.filter((f) => !f.archived)),
  });

export function useSaveForm(id: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<FormBody>) => (id ? api.patch<Form>(`/api/forms/${id}`, body) : api.post<Form>('/api/forms', body)),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['forms'] }),
  });
}

export function useDeleteForm() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/api/forms/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['forms'] }),
  });
}
