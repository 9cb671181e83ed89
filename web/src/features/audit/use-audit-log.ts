import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { type AuditEntry, type AuditLogQuery, api, type Page } from '../../lib/api/index.ts';

/** The audit log with filters, newest first, loaded page by page (keyset cursor). */
export function useAuditLog(filters: AuditLogQuery) {
  return useInfiniteQuery({
    queryKey: ['audit', filters],
    queryFn: ({ pageParam, signal }) => api.get<Page<AuditEntry>>('/api/audit-log', { ...filters, cursor: pageParam, limit: 50 }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}
