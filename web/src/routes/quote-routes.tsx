import { createRoute } from '@tanstack/react-router';
import { ApprovalsScreen } from '../features/quotes/approvals-screen.tsx';
import { OrderScreen } from '../features/quotes/order-screen.tsx';
import { OrdersScreen } from '../features/quotes/orders-screen.tsx';
import { QuoteSettingsScreen } from '../features/quotes/quote-settings-screen.tsx';
import { RequirePermission } from '../features/shell/require-permission.tsx';
import { appRoute } from './app-routes.tsx';

export const approvalsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/approvals',
  component: () => (
    <RequirePermission permission="quotes:approve" title="Approvals">
      <ApprovalsScreen />
    </RequirePermission>
  ),
});

export const ordersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/orders',
  component: () => (
    <RequirePermission permission="orders:read" title="Orders">
      <OrdersScreen />
    </RequirePermission>
  ),
});

export const orderRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/orders/$orderId',
  component: function OrderPage() {
    const { orderId } = orderRoute.useParams();
    return (
      <RequirePermission permission="orders:read" title="Order">
        <OrderScreen key={orderId} id={orderId} />
      </RequirePermission>
    );
  },
});

export const quoteSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings/quotes',
  component: () => (
    <RequirePermission permission="quotes:read" title="Quotes & orders">
      <QuoteSettingsScreen />
    </RequirePermission>
  ),
});
