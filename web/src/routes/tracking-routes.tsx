import { createRoute, useNavigate } from '@tanstack/react-router';
import { RequirePermission } from '../features/shell/require-permission.tsx';
import { TrackingSettingsScreen } from '../features/tracking/tracking-settings-screen.tsx';
import { type AnalyticsSearch, WebAnalyticsScreen } from '../features/tracking/web-analytics-screen.tsx';
import { appRoute } from './app-routes.tsx';

const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

export const trackingSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings/tracking',
  component: () => (
    <RequirePermission permission="tracking:read" title="Website tracking">
      <TrackingSettingsScreen />
    </RequirePermission>
  ),
});

export const webAnalyticsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/analytics/web',
  validateSearch: (s: Record<string, unknown>): AnalyticsSearch => ({
    from: isDate(s.from) ? s.from : undefined,
    to: isDate(s.to) ? s.to : undefined,
    site: typeof s.site === 'string' ? s.site : undefined,
  }),
  component: function WebAnalyticsPage() {
    const search = webAnalyticsRoute.useSearch();
    const navigate = useNavigate();
    return (
      <RequirePermission permission="tracking:read" title="Web analytics">
        <WebAnalyticsScreen search={search} onSearch={(s) => navigate({ to: '/analytics/web', search: s, replace: true })} />
      </RequirePermission>
    );
  },
});
