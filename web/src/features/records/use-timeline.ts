import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/index.ts';
import type { Activity, CreateActivityBody, TimelineEntity, TimelinePage } from './crm-types.ts';

/** Timeline filters: each is the API's `types` list. */
export const timelineFilters = [
  { value: 'all', label: 'All', types: undefined },
  { value: 'note', label: 'Notes', types: 'note' },
  { value: 'call', label: 'Calls', types: 'call' },
  { value: 'meeting', label: 'Meetings', types: 'meeting' },
  { value: 'email', label: 'Emails', types: 'email' },
  { value: 'task', label: 'Tasks', types: 'task' },
  { value: 'changes', label: 'Changes', types: 'stage_change,field_change' },
] as const;
export type TimelineFilter = (typeof timelineFilters)[number]['value'];

/** A record's timeline, newest first, 30 items a page (keyset cursor). */
export function useTimeline(entity: TimelineEntity, id: string, filter: TimelineFilter) {
  const types = timelineFilters.find((f) => f.value === filter)?.types;
  return useInfiniteQuery({
    queryKey: ['timeline', entity, id, filter],
    queryFn: ({ pageParam, signal }) =>
      api.get<TimelinePage>(`/api/timeline/${entity}/${id}`, { limit: 30, cursor: pageParam, types }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Logs a note, call, meeting or email; the record's timeline and last-activity date refresh. */
export function useLogActivity(entity: TimelineEntity, id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateActivityBody) => api.post<Activity>('/api/activities', body),
    onSuccess: () =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['timeline'] }),
        qc.invalidateQueries({ queryKey: [{ contact: 'contacts', company: 'companies', deal: 'deals' }[entity], 'detail', id] }),
      ]),
  });
}
