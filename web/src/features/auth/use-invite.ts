import { useMutation, useQuery } from '@tanstack/react-query';
import { type AcceptInviteBody, api } from '../../lib/api/index.ts';

export interface InviteInfo {
  email: string;
  workspaceName: string;
  role: string;
  hasAccount: boolean;
  workspaceId?: string;
}

/** What an invite link is for (public: the link is the credential). */
export function useInvite(token: string) {
  return useQuery({
    queryKey: ['invite', token],
    queryFn: ({ signal }) => api.get<InviteInfo>(`/api/invites/by-token/${encodeURIComponent(token)}`, undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Accepts the invite: creates the account or adds the existing one to the workspace. */
export function useAcceptInvite(token: string) {
  return useMutation({
    mutationFn: (body: AcceptInviteBody) =>
      api.post<{ email: string; workspaceId?: string }>(`/api/invites/by-token/${encodeURIComponent(token)}/accept`, body),
  });
}
