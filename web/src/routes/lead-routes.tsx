import { createRoute, useNavigate } from '@tanstack/react-router';
import { LeadsWaitingScreen, type WaitingSearch } from '../features/routing/leads-waiting-screen.tsx';
import { type ResponseSearch, ResponseTimesScreen } from '../features/routing/response-times-screen.tsx';
import { RoutingScreen } from '../features/routing/routing-screen.tsx';
import { RequirePermission } from '../features/shell/require-permission.tsx';
import { appRoute } from './app-routes.tsx';

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

export const leadsWaitingRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/leads/waiting',
  validateSearch: (s: Record<string, unknown>): WaitingSearch => ({
    owner: s.owner === 'me' || s.owner === 'unassigned' ? s.owner : undefined,
    breached: s.breached === true || s.breached === 'true' ? true : undefined,
  }),
  component: function LeadsWaitingPage() {
    const search = leadsWaitingRoute.useSearch();
    const navigate = useNavigate();
    return (
      <RequirePermission permission="leads:read" title="Leads waiting">
        <LeadsWaitingScreen search={search} onSearch={(s) => navigate({ to: '/leads/waiting', search: s, replace: true })} />
      </RequirePermission>
    );
  },
});

export const responseTimesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/leads/response-times',
  validateSearch: (s: Record<string, unknown>): ResponseSearch => ({
    from: isDate(s.from) ? s.from : undefined,
    to: isDate(s.to) ? s.to : undefined,
  }),
  component: function ResponseTimesPage() {
    const search = responseTimesRoute.useSearch();
    const navigate = useNavigate();
    return (
      <RequirePermission permission="leads:read" title="Response times">
        <ResponseTimesScreen search={search} onSearch={(s) => navigate({ to: '/leads/response-times', search: s, replace: true })} />
      </RequirePermission>
    );
  },
});

export const routingSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings/routing',
  component: () => (
    <RequirePermission permission="routing:read" title="Lead routing">
      <RoutingScreen />
    </RequirePermission>
  ),
});
