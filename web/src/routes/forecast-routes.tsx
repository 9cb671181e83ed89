import { createRoute, useNavigate } from '@tanstack/react-router';
import { ForecastScreen, type ForecastSearch } from '../features/forecasts/forecast-screen.tsx';
import { isPeriod } from '../features/forecasts/forecast-types.ts';
import { QuotasScreen } from '../features/forecasts/quotas-screen.tsx';
import { WinLossScreen, type WinLossSearch } from '../features/forecasts/win-loss-screen.tsx';
import { RequirePermission } from '../features/shell/require-permission.tsx';
import { appRoute } from './app-routes.tsx';

const isDate = (s: unknown): s is string => typeof s === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(s);
const isId = (s: unknown): s is string => typeof s === 'string' && /^[0-9a-f-]{36}$/i.test(s);

export const forecastRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/forecasts',
  validateSearch: (s: Record<string, unknown>): ForecastSearch => ({
    period: isPeriod(s.period) ? s.period : undefined,
    pipeline: isId(s.pipeline) ? s.pipeline : undefined,
  }),
  component: function ForecastPage() {
    const search = forecastRoute.useSearch();
    const navigate = useNavigate();
    return (
      <RequirePermission permission="forecasts:read" title="Forecast">
        <ForecastScreen search={search} onSearch={(s) => navigate({ to: '/forecasts', search: s, replace: true })} />
      </RequirePermission>
    );
  },
});

export const quotasRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/forecasts/quotas',
  validateSearch: (s: Record<string, unknown>): { year?: number } => ({
    year: Number.isInteger(Number(s.year)) && Number(s.year) > 1999 ? Number(s.year) : undefined,
  }),
  component: function QuotasPage() {
    const search = quotasRoute.useSearch();
    const navigate = useNavigate();
    return (
      <RequirePermission permission="forecasts:read" title="Quotas">
        <QuotasScreen
          year={search.year ?? new Date().getFullYear()}
          onYear={(year) => navigate({ to: '/forecasts/quotas', search: { year }, replace: true })}
        />
      </RequirePermission>
    );
  },
});

export const winLossRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/reports/win-loss',
  validateSearch: (s: Record<string, unknown>): WinLossSearch => ({
    from: isDate(s.from) ? s.from : undefined,
    to: isDate(s.to) ? s.to : undefined,
    pipeline: isId(s.pipeline) ? s.pipeline : undefined,
  }),
  component: function WinLossPage() {
    const search = winLossRoute.useSearch();
    const navigate = useNavigate();
    return (
      <RequirePermission permission="forecasts:read" title="Win/loss">
        <WinLossScreen search={search} onSearch={(s) => navigate({ to: '/reports/win-loss', search: s, replace: true })} />
      </RequirePermission>
    );
  },
});
