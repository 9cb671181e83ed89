import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type Job, type JobStatus, type JobSummary, type Page } from '../../lib/api/index.ts';

export interface JobFilters {
  status?: JobStatus;
  name?: string;
}

const live = new Set(['queued', 'running']);

/** Background jobs of the workspace, newest first; refreshes every few seconds while some are queued or running. */
export function useJobs(filters: JobFilters) {
  return useInfiniteQuery({
    queryKey: ['jobs', filters],
    queryFn: ({ pageParam, signal }) => api.get<Page<JobSummary>>('/api/jobs', { ...filters, cursor: pageParam, limit: 50 }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((j) => live.has(j.status))) ? 3000 : false),
  });
}

function useJobAction(action: 'retry' | 'cancel') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<Job>(`/api/jobs/${id}/${action}`),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['jobs'] }), qc.invalidateQueries({ queryKey: ['audit'] })]),
  });
}

/** Queues a dead, failed or cancelled job again. */
export const useRetryJob = () => useJobAction('retry');
/** Cancels a queued or running job. */
export const useCancelJob = () => useJobAction('cancel');
