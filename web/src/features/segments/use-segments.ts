import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '../../lib/api/index.ts';
import type { FilterNode } from '../records/crm-types.ts';
import type { ContactAudience, ContactList, HistoryEntry, ListMembersResult, MemberPage, Preview, Segment } from './segment-types.ts';

export const useSegments = () =>
  useQuery({
    queryKey: ['segments', 'all'],
    queryFn: ({ signal }) => api.get<{ items: Segment[] }>('/api/segments', undefined, signal).then((r) => r.items),
  });

/** A segment; polled each second while its members are being evaluated. */
export const useSegment = (id: string | undefined) =>
  useQuery({
    queryKey: ['segments', 'one', id],
    queryFn: ({ signal }) => api.get<Segment>(`/api/segments/${id}`, undefined, signal),
    enabled: !!id,
    refetchInterval: (q) => (q.state.data?.status === 'building' ? 1000 : false),
  });

/** Members of a segment or list, a keyset page of 100 at a time. */
export const useMembers = (kind: 'segments' | 'lists', id: string, version?: string) =>
  useInfiniteQuery({
    queryKey: [kind, 'members', id, version],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) => api.get<MemberPage>(`/api/${kind}/${id}/members`, { limit: 100, after: pageParam }, signal),
    getNextPageParam: (last) => last.nextAfter ?? undefined,
  });

export const useSegmentHistory = (id: string) =>
  useQuery({
    queryKey: ['segments', 'history', id],
    queryFn: ({ signal }) => api.get<{ items: HistoryEntry[] }>(`/api/segments/${id}/history`, { limit: 100 }, signal).then((r) => r.items),
  });

/** The live count of a definition (null while nothing is defined yet). */
export const usePreview = (definition: FilterNode | null) =>
  useQuery({
    queryKey: ['segments', 'preview', definition],
    queryFn: ({ signal }) => request<Preview>('POST', '/api/segments/preview', { body: { definition }, signal }),
    enabled: definition !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });

function useRefresh(kind: 'segments' | 'lists') {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: [kind] });
}

export interface SegmentBody {
  name: string;
  description?: string | null;
  definition: FilterNode;
}
export function useSaveSegment(id?: string) {
  const refresh = useRefresh('segments');
  return useMutation({
    mutationFn: (body: SegmentBody) => (id ? api.patch<Segment>(`/api/segments/${id}`, body) : api.post<Segment>('/api/segments', body)),
    onSuccess: refresh,
  });
}
export function useDeleteSegment() {
  const refresh = useRefresh('segments');
  return useMutation({ mutationFn: (id: string) => api.delete(`/api/segments/${id}`), onSuccess: refresh });
}

export const useLists = () =>
  useQuery({
    queryKey: ['lists', 'all'],
    queryFn: ({ signal }) => api.get<{ items: ContactList[] }>('/api/lists', undefined, signal).then((r) => r.items),
  });
export const useList = (id: string) =>
  useQuery({ queryKey: ['lists', 'one', id], queryFn: ({ signal }) => api.get<ContactList>(`/api/lists/${id}`, undefined, signal) });

export function useCreateList() {
  const refresh = useRefresh('lists');
  return useMutation({
    mutationFn: (body: { name: string; description?: string }) => api.post<ContactList>('/api/lists', body),
    onSuccess: refresh,
  });
}
export function useDeleteList() {
  const refresh = useRefresh('lists');
  return useMutation({ mutationFn: (id: string) => api.delete(`/api/lists/${id}`), onSuccess: refresh });
}

export type ListMembersBody = { contactIds: string[] } | { filter: FilterNode } | { emails: string[] };
export function useChangeListMembers(id: string, action: 'add' | 'remove') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: ListMembersBody) =>
      api.post<ListMembersResult>(action === 'add' ? `/api/lists/${id}/members` : `/api/lists/${id}/members/remove`, body),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['lists'] });
      void qc.invalidateQueries({ queryKey: ['contact-audience'] });
    },
  });
}

export const useContactAudience = (contactId: string) =>
  useQuery({
    queryKey: ['contact-audience', contactId],
    queryFn: ({ signal }) => api.get<ContactAudience>(`/api/contacts/${contactId}/audience`, undefined, signal),
  });
