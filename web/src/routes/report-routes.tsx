import { createRoute, useNavigate } from '@tanstack/react-router';
import { CohortsScreen } from '../features/analytics/cohorts-screen.tsx';
import { FunnelScreen } from '../features/analytics/funnel-screen.tsx';
import { KpiBoardScreen } from '../features/analytics/kpi-board-screen.tsx';
import { KpiSettingsScreen } from '../features/analytics/kpi-settings-screen.tsx';
import { MarketingPerformanceScreen, SalesPerformanceScreen } from '../features/analytics/performance-screens.tsx';
import type { BoardSearch } from '../features/analytics/use-analytics.ts';
import { RequirePermission } from '../features/shell/require-permission.tsx';
import { appRoute } from './app-routes.tsx';

const isPeriod = (v: unknown): v is string => typeof v === 'string' && /^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$/.test(v);

export const kpiBoardRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports/kpis',
  validateSearch: (s: Record<string, unknown>): BoardSearch => ({
    period: isPeriod(s.period) ? s.period : undefined,
    compare: s.compare === 'previous' ? 'previous' : undefined,
  }),
  component: function KpiBoardPage() {
    const search = kpiBoardRoute.useSearch();
    const navigate = useNavigate();
    return (
      <RequirePermission permission="analytics:read" title="KPI dashboard">
        <KpiBoardScreen search={search} onSearch={(s) => navigate({ to: '/reports/kpis', search: s, replace: true })} />
      </RequirePermission>
    );
  },
});

export const kpiSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings/kpis',
  component: () => (
    <RequirePermission permission="analytics:manage" title="Targets & costs">
      <KpiSettingsScreen />
    </RequirePermission>
  ),
});

const reportPage = <P extends string>(path: P, title: string, Screen: () => React.ReactElement) =>
  createRoute({
    getParentRoute: () => appRoute,
    path,
    component: () => (
      <RequirePermission permission="analytics:read" title={title}>
        <Screen />
      </RequirePermission>
    ),
  });

export const funnelRoute = reportPage('/reports/funnel', 'Funnel', FunnelScreen);
export const cohortsRoute = reportPage('/reports/cohorts', 'Cohorts', CohortsScreen);
export const salesPerformanceRoute = reportPage('/reports/sales-performance', 'Sales performance', SalesPerformanceScreen);
export const marketingPerformanceRoute = reportPage('/reports/marketing-performance', 'Marketing performance', MarketingPerformanceScreen);
