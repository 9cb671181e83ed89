import { createRoute, redirect } from '@tanstack/react-router';
import { ApiKeysScreen } from '../features/api-keys/api-keys-screen.tsx';
import { AuditLogScreen } from '../features/audit/audit-log-screen.tsx';
import { JobsScreen } from '../features/jobs/jobs-screen.tsx';
import { ProfileScreen } from '../features/profile/profile-screen.tsx';
import { RequirePermission } from '../features/shell/require-permission.tsx';
import { UsersScreen } from '../features/users/users-screen.tsx';
import { WebhookDetailScreen } from '../features/webhooks/webhook-detail-screen.tsx';
import { WebhooksScreen } from '../features/webhooks/webhooks-screen.tsx';
import { WorkspaceScreen } from '../features/workspace/workspace-screen.tsx';
import { appRoute } from './app-routes.tsx';

export const settingsIndexRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings',
  beforeLoad: () => {
    throw redirect({ to: '/settings/workspace', replace: true });
  },
});

export const workspaceSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings/workspace',
  component: () => (
    <RequirePermission permission="workspace:read" title="Workspace">
      <WorkspaceScreen />
    </RequirePermission>
  ),
});

export const profileRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings/profile',
  component: ProfileScreen,
});

export const usersRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings/users',
  component: () => (
    <RequirePermission permission="users:manage" title="Users & invites">
      <UsersScreen />
    </RequirePermission>
  ),
});

export const apiKeysRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings/api-keys',
  component: () => (
    <RequirePermission permission="api_keys:manage" title="API keys">
      <ApiKeysScreen />
    </RequirePermission>
  ),
});

export const webhooksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings/webhooks',
  component: () => (
    <RequirePermission permission="webhooks:read" title="Webhooks">
      <WebhooksScreen />
    </RequirePermission>
  ),
});

export const webhookDetailRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings/webhooks/$webhookId',
  component: function WebhookDetailPage() {
    const { webhookId } = webhookDetailRoute.useParams();
    return (
      <RequirePermission permission="webhooks:read" title="Webhook">
        <WebhookDetailScreen id={webhookId} />
      </RequirePermission>
    );
  },
});

export const auditLogRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings/audit-log',
  component: () => (
    <RequirePermission permission="audit:read" title="Audit log">
      <AuditLogScreen />
    </RequirePermission>
  ),
});

export const jobsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings/jobs',
  component: () => (
    <RequirePermission permission="jobs:read" title="Jobs">
      <JobsScreen />
    </RequirePermission>
  ),
});
