import { createRoute } from '@tanstack/react-router';
import { FormBuilder, FormBuilderScreen } from '../features/forms/form-builder-screen.tsx';
import { FormsScreen } from '../features/forms/forms-screen.tsx';
import { PageEditor, PageEditorScreen } from '../features/pages/page-editor-screen.tsx';
import { PagesScreen } from '../features/pages/pages-screen.tsx';
import { RequirePermission } from '../features/shell/require-permission.tsx';
import { appRoute } from './app-routes.tsx';

export const formsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/forms',
  component: () => (
    <RequirePermission permission="forms:read" title="Forms">
      <FormsScreen />
    </RequirePermission>
  ),
});

export const newFormRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/forms/new',
  component: () => (
    <RequirePermission permission="forms:manage" title="New form">
      <FormBuilder />
    </RequirePermission>
  ),
});

export const formRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/forms/$formId',
  component: function FormPage() {
    const { formId } = formRoute.useParams();
    return (
      <RequirePermission permission="forms:read" title="Form">
        <FormBuilderScreen key={formId} formId={formId} />
      </RequirePermission>
    );
  },
});

export const pagesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pages',
  component: () => (
    <RequirePermission permission="pages:read" title="Landing pages">
      <PagesScreen />
    </RequirePermission>
  ),
});

export const newPageRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pages/new',
  component: () => (
    <RequirePermission permission="pages:manage" title="New landing page">
      <PageEditor />
    </RequirePermission>
  ),
});

export const pageRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/pages/$pageId',
  component: function LandingPagePage() {
    const { pageId } = pageRoute.useParams();
    return (
      <RequirePermission permission="pages:read" title="Landing page">
        <PageEditorScreen key={pageId} pageId={pageId} />
      </RequirePermission>
    );
  },
});
