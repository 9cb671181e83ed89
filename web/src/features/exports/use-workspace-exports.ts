import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { workspaceExportSchema } from '../../../../src/modules/exports/http/workspace-export.types.ts';
import { api } from '../../lib/api/index.ts';

/** A workspace export as the API sends it (dates as ISO strings over JSON). */
export type WorkspaceExport = Omit<z.infer<typeof workspaceExportSchema>, 'createdAt' | 'startedAt' | 'finishedAt' | 'expiresAt'> & {
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  expiresAt: string;
};

const live = new Set(['queued', 'running']);

/** The latest workspace exports; polls every 2 s while one is queued or running. */
export function useWorkspaceExports() {
  return useQuery({
    queryKey: ['workspace-exports'],
    queryFn: ({ signal }) => api.get<{ items: WorkspaceExport[] }>('/api/workspace-exports', undefined, signal),
    refetchInterval: (q) => (q.state.data?.items.some((e) => live.has(e.status)) ? 2000 : false),
  });
}

/** Starts a full export (a job). */
export function useStartWorkspaceExport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<WorkspaceExport>('/api/workspace-exports'),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['workspace-exports'] }),
  });
}
