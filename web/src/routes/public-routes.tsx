import { createRoute, redirect, useNavigate } from '@tanstack/react-router';
import { InviteScreen } from '../features/auth/invite-screen.tsx';
import { LoginScreen } from '../features/auth/login-screen.tsx';
import { SetupScreen } from '../features/auth/setup-screen.tsx';
import { meQuery } from '../features/auth/use-me.ts';
import { rootRoute } from './root.tsx';

/** Only same-app paths may be redirect targets (no open redirects). */
export const safeRedirect = (to: unknown) => (typeof to === 'string' && to.startsWith('/') && !to.startsWith('//') ? to : '/');

interface LoginSearch {
  redirect?: string;
  expired?: boolean;
}

export const loginRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/login',
  validateSearch: (s: Record<string, unknown>): LoginSearch => ({
    redirect: typeof s.redirect === 'string' ? s.redirect : undefined,
    expired: s.expired === true || s.expired === 'true' ? true : undefined,
  }),
  beforeLoad: async ({ context, search }) => {
    // Already signed in: straight to the app.
    const me = await context.queryClient.fetchQuery(meQuery).catch(() => null);
    if (me) throw redirect({ href: safeRedirect(search.redirect) });
  },
  component: function LoginPage() {
    const search = loginRoute.useSearch();
    const navigate = useNavigate();
    return (
      <LoginScreen
        notice={search.expired ? 'Your session ended. Sign in again to continue.' : undefined}
        onSignedIn={() => navigate({ href: safeRedirect(search.redirect), replace: true })}
      />
    );
  },
});

export const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  validateSearch: (s: Record<string, unknown>): { token?: string } => ({ token: typeof s.token === 'string' ? s.token : undefined }),
  component: function SetupPage() {
    const { token } = setupRoute.useSearch();
    const navigate = useNavigate();
    return <SetupScreen token={token} onDone={() => navigate({ to: '/', replace: true })} />;
  },
});

export const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invite/$token',
  component: function InvitePage() {
    const { token } = inviteRoute.useParams();
    const navigate = useNavigate();
    return <InviteScreen token={token} onJoined={() => navigate({ to: '/', replace: true })} />;
  },
});
