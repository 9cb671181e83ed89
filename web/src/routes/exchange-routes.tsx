import { createRoute } from '@tanstack/react-router';
import { WorkspaceExportScreen } from '../features/exports/workspace-export-screen.tsx';
import { ImportScreen } from '../features/imports/import-screen.tsx';
import { ImportWizardScreen } from '../features/imports/import-wizard-screen.tsx';
import { ImportsScreen } from '../features/imports/imports-screen.tsx';
import { RequirePermission } from '../features/shell/require-permission.tsx';
import { appRoute } from './app-routes.tsx';

/** Imports (history, wizard, one import) and the workspace export. */
export const importsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/imports',
  component: () => (
    <RequirePermission permission="imports:read" title="Imports">
      <ImportsScreen />
    </RequirePermission>
  ),
});

export const newImportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/imports/new',
  component: () => (
    <RequirePermission permission="imports:write" title="Import">
      <ImportWizardScreen />
    </RequirePermission>
  ),
});

export const importRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/imports/$importId',
  component: function ImportPage() {
    const { importId } = importRoute.useParams();
    return (
      <RequirePermission permission="imports:read" title="Import">
        <ImportScreen id={importId} />
      </RequirePermission>
    );
  },
});

export const workspaceExportRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings/export',
  component: () => (
    <RequirePermission permission="workspace:export" title="Export workspace">
      <WorkspaceExportScreen />
    </RequirePermission>
  ),
});
