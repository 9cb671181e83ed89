import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/index.ts';
import type { RecordEntity } from '../records/crm-types.ts';

/** A candidate pair (GET /api/duplicates/contacts|companies): why, how sure, and the two records in brief. */
export interface DuplicatePair {
  reason: string;
  score: number;
  ids: [string, string];
  records: {
    id: string;
    displayName?: string;
    name?: string;
    email?: string | null;
    phone?: string | null;
    domain?: string | null;
    createdAt: string;
  }[];
}

const path = (entity: RecordEntity) => (entity === 'contact' ? 'contacts' : 'companies');

/** Candidate pairs, page by page; a page may be short (the scan is bounded), so keep going until the cursor ends. */
export function useDuplicatePairs(entity: RecordEntity) {
  return useInfiniteQuery({
    queryKey: ['duplicates', entity],
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: DuplicatePair[]; nextCursor: string | null }>(
        `/api/duplicates/${path(entity)}`,
        { limit: 50, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

function useRefresh(entity: RecordEntity) {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['duplicates', entity] }),
      qc.invalidateQueries({ queryKey: [path(entity)] }),
      qc.invalidateQueries({ queryKey: ['record-name', entity] }),
    ]);
}

/** Merges `mergedIds` into `survivorId`, keeping the chosen record's value per field. */
export function useMerge(entity: RecordEntity) {
  const refresh = useRefresh(entity);
  return useMutation({
    mutationFn: (body: { survivorId: string; mergedIds: string[]; fields: Record<string, string> }) =>
      api.post<{ id: string }>(`/api/${path(entity)}/merge`, body),
    onSuccess: refresh,
  });
}

/** Marks a pair as not duplicates: it no longer comes up. */
export function useDismissPair(entity: RecordEntity) {
  const refresh = useRefresh(entity);
  return useMutation({
    mutationFn: (ids: [string, string]) => api.post('/api/duplicates/dismiss', { entityType: entity, ids }),
    onSuccess: refresh,
  });
}

export const reasonLabels: Record<string, string> = {
  same_phone: 'Same phone',
  similar_name_same_company: 'Similar name, same company',
  same_name_email_local_part: 'Same name and email',
  same_domain_root: 'Same domain',
  similar_name: 'Similar name',
};
