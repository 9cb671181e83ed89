import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiKey, api, type CreateApiKeyBody } from '../../lib/api/index.ts';

/** The workspace's API keys, newest first, revoked ones included. */
export const useApiKeys = (enabled = true) =>
  useQuery({
    queryKey: ['api-keys'],
    queryFn: ({ signal }) => api.get<{ items: ApiKey[] }>('/api/api-keys', undefined, signal).then((r) => r.items),
    enabled,
  });

/** Creates a key; the answer's `key` is the only time the secret is shown. */
export function useCreateApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateApiKeyBody) => api.post<{ id: string; key: string }>('/api/api-keys', body),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['api-keys'] }), qc.invalidateQueries({ queryKey: ['audit'] })]),
  });
}

export function useRevokeApiKey() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/api/api-keys/${id}`),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['api-keys'] }), qc.invalidateQueries({ queryKey: ['audit'] })]),
  });
}
