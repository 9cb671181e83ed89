import { useQuery } from '@tanstack/react-query';
import { api, type Webhook } from '../../lib/api/index.ts';
import { useApiKeys } from '../api-keys/use-api-keys.ts';
import { usePermissions } from '../auth/use-me.ts';
import { useInvites, useMembers } from '../users/use-members.ts';
import { useWorkspace } from '../workspace/use-workspace.ts';

export interface Step {
  id: 'workspace' | 'team' | 'api-key' | 'webhook' | 'profile';
  done: boolean;
}

/** The next things to set up, with what is already done, read from real data (no guesses). */
export function useOnboarding() {
  const can = usePermissions();
  const workspace = useWorkspace();
  const members = useMembers(can('users:manage'));
  const invites = useInvites(can('users:manage'));
  const keys = useApiKeys(can('api_keys:manage'));
  const hooks = useQuery({
    queryKey: ['webhooks'],
    queryFn: ({ signal }) => api.get<{ items: Webhook[] }>('/api/webhooks', undefined, signal).then((r) => r.items),
    enabled: can('webhooks:read'),
  });
  const steps: Step[] = [];
  if (can('workspace:manage'))
    steps.push({ id: 'workspace', done: !!workspace.data && workspace.data.updatedAt !== workspace.data.createdAt });
  if (can('users:manage')) steps.push({ id: 'team', done: (members.data?.length ?? 0) > 1 || (invites.data?.length ?? 0) > 0 });
  if (can('api_keys:manage')) steps.push({ id: 'api-key', done: (keys.data ?? []).some((k) => !k.revokedAt) });
  if (can('webhooks:manage')) steps.push({ id: 'webhook', done: (hooks.data?.length ?? 0) > 0 });
  if (steps.length === 0) steps.push({ id: 'profile', done: false });
  const queries = [workspace, members, invites, keys, hooks];
  return {
    steps,
    workspace,
    isPending: queries.some((q) => q.isPending && q.fetchStatus !== 'idle'),
    error: queries.find((q) => q.isError)?.error ?? null,
    refetch: () => {
      for (const q of queries) q.refetch();
    },
  };
}
