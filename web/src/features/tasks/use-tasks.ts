import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api/index.ts';
import type { CreateTaskBody, MyTasks, Task, TimelineEntity, UpdateTaskBody } from '../records/crm-types.ts';

/** My open tasks: overdue, today (in the workspace time zone), upcoming, no date. */
export const useMyTasks = () =>
  useQuery({
    queryKey: ['tasks', 'mine'],
    queryFn: ({ signal }) => api.get<MyTasks>('/api/tasks/mine', { limit: 100 }, signal),
  });

/** My recently completed tasks (newest first), to undo a completion. */
export const useMyCompletedTasks = () =>
  useQuery({
    queryKey: ['tasks', 'completed'],
    queryFn: ({ signal }) =>
      api.get<Page<Task>>('/api/tasks', { assignee: 'me', status: 'completed', limit: 10 }, signal).then((p) => p.items),
  });

/** One task (a notification links to it). */
export const useTask = (id: string | undefined) =>
  useQuery({
    queryKey: ['tasks', 'one', id],
    queryFn: ({ signal }) => api.get<Task>(`/api/tasks/${id}`, undefined, signal),
    enabled: !!id,
  });

/** The open tasks on one record. */
export const useRecordTasks = (entity: TimelineEntity, id: string) =>
  useQuery({
    queryKey: ['tasks', 'record', entity, id],
    queryFn: ({ signal }) =>
      api.get<Page<Task>>('/api/tasks', { entityType: entity, entityId: id, status: 'open', limit: 50 }, signal).then((p) => p.items),
  });

function useRefresh() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['tasks'] }),
      qc.invalidateQueries({ queryKey: ['timeline'] }),
      qc.invalidateQueries({ queryKey: ['notifications'] }),
    ]);
}

export function useCreateTask() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: CreateTaskBody) => api.post<Task>('/api/tasks', body), onSuccess: refresh });
}

export function useUpdateTask() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateTaskBody }) => api.patch<Task>(`/api/tasks/${id}`, body),
    onSuccess: refresh,
  });
}

/** Completes or reopens a task. */
export function useSetTaskDone() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, done }: { id: string; done: boolean }) => api.post<Task>(`/api/tasks/${id}/${done ? 'complete' : 'reopen'}`),
    onSuccess: refresh,
  });
}

export function useDeleteTask() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => api.delete<{ ok: true }>(`/api/tasks/${id}`), onSuccess: refresh });
}
