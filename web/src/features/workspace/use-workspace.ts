import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type UpdateWorkspaceBody, type Workspace } from '../../lib/api/index.ts';

export const workspaceQuery = queryOptions({
  queryKey: ['workspace'],
  queryFn: ({ signal }) => api.get<Workspace>('/api/workspace', undefined, signal),
});

/** The current workspace's settings. */
export const useWorkspace = () => useQuery(workspaceQuery);

/** Saves workspace settings; the name also shows in the sidebar, so /api/me is refreshed. */
export function useUpdateWorkspace() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateWorkspaceBody) => api.patch<Workspace>('/api/workspace', body),
    onSuccess: (ws) => {
      qc.setQueryData(workspaceQuery.queryKey, ws);
      qc.invalidateQueries({ queryKey: ['me'] });
      qc.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}
