import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError } from './api-error.ts';

let onSignedOut: ((err: ApiError) => void) | undefined;

/** The app registers what to do when the session ends mid-use (go to the sign-in page). */
export function handleSignedOut(fn: (err: ApiError) => void) {
  onSignedOut = fn;
}

const signedOutCodes = new Set(['unauthenticated', 'session_expired']);
function check(err: unknown) {
  if (err instanceof ApiError && err.status === 401 && signedOutCodes.has(err.code)) onSignedOut?.(err);
}

/** One cache for the app: no retries on answers the server meant (4xx), one on network trouble. */
export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: check }),
  mutationCache: new MutationCache({ onError: check }),
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: true,
      retry: (count, err) => !(err instanceof ApiError && err.status >= 400 && err.status < 500) && count < 1,
    },
    mutations: { retry: false },
  },
});
