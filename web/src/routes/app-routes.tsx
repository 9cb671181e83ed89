import { createRoute, redirect } from '@tanstack/react-router';
import { meQuery } from '../features/auth/use-me.ts';
import { HomeScreen } from '../features/home/home-screen.tsx';
import { AppFrame } from '../features/shell/app-frame.tsx';
import { ApiError } from '../lib/api/index.ts';
import { rootRoute } from './root.tsx';

/** Every signed-in page sits under this layout; it loads /api/me first or sends the visitor to sign in. */
export const appRoute = createRoute({
  getParentRoute: () => rootRoute,
  id: 'app',
  beforeLoad: async ({ context, location }) => {
    try {
      await context.queryClient.ensureQueryData(meQuery);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401)
        throw redirect({ to: '/login', search: { redirect: location.href === '/' ? undefined : location.href } });
      throw err;
    }
  },
  component: AppFrame,
});

export const homeRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/',
  component: HomeScreen,
});
