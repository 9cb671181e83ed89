import { createRoute, useNavigate } from '@tanstack/react-router';
import { DealScreen } from '../features/deals/deal-screen.tsx';
import { DealsScreen } from '../features/deals/deals-screen.tsx';
import { PipelinesScreen } from '../features/deals/pipelines-screen.tsx';
import { ProductsScreen } from '../features/products/products-screen.tsx';
import { RequirePermission } from '../features/shell/require-permission.tsx';
import { appRoute } from './app-routes.tsx';

interface DealsSearch {
  pipeline?: string;
  view?: 'board' | 'table';
}

export const dealsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/deals',
  validateSearch: (s: Record<string, unknown>): DealsSearch => ({
    pipeline: typeof s.pipeline === 'string' ? s.pipeline : undefined,
    view: s.view === 'table' ? 'table' : undefined,
  }),
  component: function DealsPage() {
    const search = dealsRoute.useSearch();
    const navigate = useNavigate();
    return (
      <RequirePermission permission="deals:read" title="Deals">
        <DealsScreen
          pipelineId={search.pipeline}
          view={search.view ?? 'board'}
          onChange={(s) =>
            navigate({ to: '/deals', search: { pipeline: s.pipeline, view: s.view === 'table' ? 'table' : undefined }, replace: true })
          }
        />
      </RequirePermission>
    );
  },
});

export const dealRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/deals/$dealId',
  validateSearch: (s: Record<string, unknown>): { quote?: string } => ({ quote: typeof s.quote === 'string' ? s.quote : undefined }),
  component: function DealPage() {
    const { dealId } = dealRoute.useParams();
    const { quote } = dealRoute.useSearch();
    return (
      <RequirePermission permission="deals:read" title="Deal">
        <DealScreen key={`${dealId}:${quote ?? ''}`} id={dealId} quoteId={quote} />
      </RequirePermission>
    );
  },
});

export const pipelinesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings/pipelines',
  component: () => (
    <RequirePermission permission="pipelines:manage" title="Pipelines">
      <PipelinesScreen />
    </RequirePermission>
  ),
});

export const productsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings/products',
  component: () => (
    <RequirePermission permission="products:read" title="Products">
      <ProductsScreen />
    </RequirePermission>
  ),
});
