import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/index.ts';
import type { BulkOperation, FilterNode, RecordEntity } from './crm-types.ts';
import { listApi } from './use-record-list.ts';

export type BulkSelection = { ids: string[] } | { filter: FilterNode };
export type BulkRequest =
  | { action: 'change_owner'; params: { ownerId: string | null } }
  | { action: 'add_tags' | 'remove_tags'; params: { tags: string[] } }
  | { action: 'set_lifecycle'; params: { stage: string } }
  | { action: 'delete'; params?: Record<string, never> };

const finished = new Set(['completed', 'cancelled', 'failed', 'undone', 'undo_failed']);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits for a queued operation (polling its status), reporting progress; returns it finished. */
async function settle(op: BulkOperation, onProgress?: (op: BulkOperation) => void): Promise<BulkOperation> {
  let current = op;
  while (!finished.has(current.status)) {
    onProgress?.(current);
    await sleep(700);
    current = await api.get<BulkOperation>(`/api/bulk/${current.id}`);
  }
  return current;
}

function useRefresh(entity: RecordEntity) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: [listApi[entity].key] }),
      qc.invalidateQueries({ queryKey: ['record-name', entity] }),
      qc.invalidateQueries({ queryKey: ['timeline'] }),
    ]);
}

/** Runs a bulk action over a selection (ids or a filter); large ones run as a job and are polled to the end. */
export function useBulkAction(entity: RecordEntity, onProgress?: (op: BulkOperation) => void) {
  const refresh = useRefresh(entity);
  return useMutation({
    mutationFn: async ({ selection, request }: { selection: BulkSelection; request: BulkRequest }) => {
      const path = entity === 'contact' ? '/api/bulk/contacts' : '/api/bulk/companies';
      const op = await api.post<BulkOperation>(path, { selection, ...request, params: request.params ?? {} });
      return settle(op, onProgress);
    },
    onSettled: refresh,
  });
}

/** Restores what a bulk operation changed (kept for 7 days). */
export function useUndoBulk(entity: RecordEntity) {
  const refresh = useRefresh(entity);
  return useMutation({
    mutationFn: async (id: string) => settle(await api.post<BulkOperation>(`/api/bulk/${id}/undo`)),
    onSettled: refresh,
  });
}
