import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type CreateInviteBody, type Invite, type Member, type Role } from '../../lib/api/index.ts';

/** Members of the workspace. */
export const useMembers = (enabled = true) =>
  useQuery({
    queryKey: ['members'],
    queryFn: ({ signal }) => api.get<{ items: Member[] }>('/api/users', undefined, signal).then((r) => r.items),
    enabled,
  });

/** Invites not yet accepted, revoked or expired. */
export const useInvites = (enabled = true) =>
  useQuery({
    queryKey: ['invites'],
    queryFn: ({ signal }) => api.get<{ items: Invite[] }>('/api/invites', undefined, signal).then((r) => r.items),
    enabled,
  });

function useInvalidate(...keys: string[]) {
  const qc = useQueryClient();
  return () => Promise.all([...keys, 'audit'].map((k) => qc.invalidateQueries({ queryKey: [k] })));
}

export function useChangeRole() {
  const done = useInvalidate('members', 'me');
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) => api.patch<{ ok: true }>(`/api/users/${userId}`, { role }),
    onSuccess: done,
  });
}

export function useRemoveMember() {
  const done = useInvalidate('members');
  return useMutation({ mutationFn: (userId: string) => api.delete<{ ok: true }>(`/api/users/${userId}`), onSuccess: done });
}

/** Creates an invite; the answer's url is the only time the link is shown. */
export function useCreateInvite() {
  const done = useInvalidate('invites');
  return useMutation({
    mutationFn: (body: CreateInviteBody) => api.post<{ id: string; url: string; emailId: string | null }>('/api/invites', body),
    onSuccess: done,
  });
}

export function useRevokeInvite() {
  const done = useInvalidate('invites');
  return useMutation({ mutationFn: (id: string) => api.delete<{ ok: true }>(`/api/invites/${id}`), onSuccess: done });
}
