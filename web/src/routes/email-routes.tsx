import { createRoute } from '@tanstack/react-router';
import { BroadcastComposerScreen } from '../features/email/broadcast-composer-screen.tsx';
import { BroadcastScreen } from '../features/email/broadcast-screen.tsx';
import { BroadcastsScreen } from '../features/email/broadcasts-screen.tsx';
import { EmailSettingsScreen } from '../features/email/email-settings-screen.tsx';
import { OutboxScreen } from '../features/email/outbox-screen.tsx';
import { SuppressionsScreen } from '../features/email/suppressions-screen.tsx';
import { TemplateEditorScreen } from '../features/email/template-editor-screen.tsx';
import { TemplatesScreen } from '../features/email/templates-screen.tsx';
import { RequirePermission } from '../features/shell/require-permission.tsx';
import { appRoute } from './app-routes.tsx';

export const broadcastsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/email',
  component: () => (
    <RequirePermission permission="email:read" title="Email">
      <BroadcastsScreen />
    </RequirePermission>
  ),
});

export const newBroadcastRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/email/broadcasts/new',
  component: () => (
    <RequirePermission permission="email:write" title="New broadcast">
      <BroadcastComposerScreen />
    </RequirePermission>
  ),
});

export const broadcastRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/email/broadcasts/$broadcastId',
  component: function BroadcastPage() {
    const { broadcastId } = broadcastRoute.useParams();
    return (
      <RequirePermission permission="email:read" title="Broadcast">
        <BroadcastScreen key={broadcastId} id={broadcastId} />
      </RequirePermission>
    );
  },
});

export const templatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/email/templates',
  component: () => (
    <RequirePermission permission="email:read" title="Email templates">
      <TemplatesScreen />
    </RequirePermission>
  ),
});

export const templateRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/email/templates/$templateId',
  component: function TemplatePage() {
    const { templateId } = templateRoute.useParams();
    return (
      <RequirePermission permission="email:read" title="Email template">
        <TemplateEditorScreen key={templateId} id={templateId} />
      </RequirePermission>
    );
  },
});

export const outboxRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/email/outbox',
  component: () => (
    <RequirePermission permission="email:read" title="Outbox">
      <OutboxScreen />
    </RequirePermission>
  ),
});

export const suppressionsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/email/suppressions',
  component: () => (
    <RequirePermission permission="email:read" title="Suppression list">
      <SuppressionsScreen />
    </RequirePermission>
  ),
});

export const emailSettingsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings/email',
  component: () => (
    <RequirePermission permission="email:manage" title="Email sending">
      <EmailSettingsScreen />
    </RequirePermission>
  ),
});
