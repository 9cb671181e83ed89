import { queryOptions, useSuspenseQuery } from '@tanstack/react-query';
import { api, type Me, setCsrfToken } from '../../lib/api/index.ts';

/** The signed-in user, role, workspaces and permissions; also primes the CSRF token for changes. */
export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async ({ signal }) => {
    const me = await api.get<Me>('/api/me', undefined, signal);
    setCsrfToken(me.csrfToken);
    return me;
  },
  staleTime: 60_000,
});

/** The current user; only inside the app frame, whose route loads it first. */
export function useMe(): Me {
  return useSuspenseQuery(meQuery).data;
}

/** `can('users:manage')`: whether the current user holds a permission. */
export function usePermissions() {
  const me = useMe();
  return (permission: string) => me.permissions.includes(permission);
}
