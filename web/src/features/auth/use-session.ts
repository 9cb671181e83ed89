import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type LoginBody, type SetupBody, setCsrfToken } from '../../lib/api/index.ts';
import { meQuery } from './use-me.ts';

/** Whether first-run setup is still needed (no workspace exists yet). */
export function useSetupStatus() {
  return useQuery({
    queryKey: ['setup'],
    queryFn: ({ signal }) => api.get<{ needed: boolean }>('/api/setup', undefined, signal),
    staleTime: 0,
  });
}

/** Signs in; on success the whole cache starts fresh for the new session. */
export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<{ csrfToken: string }>('/api/auth/login', body),
    onSuccess: async (r) => {
      setCsrfToken(r.csrfToken);
      qc.clear();
      await qc.fetchQuery(meQuery);
    },
  });
}

/** First-run setup: creates the workspace and its admin, and signs them in. */
export function useSetup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SetupBody) => api.post<{ ok: true }>('/api/setup', body),
    onSuccess: async () => {
      qc.clear();
      await qc.fetchQuery(meQuery);
    },
  });
}

/** Signs out and forgets everything cached for the session. */
export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/api/auth/logout'),
    onSettled: () => {
      setCsrfToken(null);
      qc.clear();
    },
  });
}

/** Moves the session to another workspace; every cached list belonged to the old one. */
export function useSwitchWorkspace() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (workspaceId: string) => api.post<{ ok: true }>('/api/auth/switch-workspace', { workspaceId }),
    // Reset (not clear) so screens on display drop the old workspace's data and refetch for the new one.
    onSuccess: () => qc.resetQueries(),
  });
}
