import { createRoute, useNavigate } from '@tanstack/react-router';
import { CompaniesScreen } from '../features/companies/companies-screen.tsx';
import { CompanyScreen } from '../features/companies/company-screen.tsx';
import { ContactScreen } from '../features/contacts/contact-screen.tsx';
import { ContactsScreen } from '../features/contacts/contacts-screen.tsx';
import { CustomFieldsScreen } from '../features/custom-fields/custom-fields-screen.tsx';
import { DuplicatesScreen } from '../features/duplicates/duplicates-screen.tsx';
import { type ListSearch, validateListSearch } from '../features/records/use-list-state.ts';
import { RequirePermission } from '../features/shell/require-permission.tsx';
import { MyTasksScreen } from '../features/tasks/my-tasks-screen.tsx';
import { appRoute } from './app-routes.tsx';

export const contactsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/contacts',
  validateSearch: validateListSearch,
  component: function ContactsPage() {
    const search = contactsRoute.useSearch();
    const navigate = useNavigate();
    const set = (s: ListSearch) => navigate({ to: '/contacts', search: s, replace: true });
    return (
      <RequirePermission permission="contacts:read" title="Contacts">
        <ContactsScreen search={search} onSearchChange={set} />
      </RequirePermission>
    );
  },
});

export const contactRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/contacts/$contactId',
  component: function ContactPage() {
    const { contactId } = contactRoute.useParams();
    return (
      <RequirePermission permission="contacts:read" title="Contact">
        <ContactScreen id={contactId} />
      </RequirePermission>
    );
  },
});

export const companiesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/companies',
  validateSearch: validateListSearch,
  component: function CompaniesPage() {
    const search = companiesRoute.useSearch();
    const navigate = useNavigate();
    const set = (s: ListSearch) => navigate({ to: '/companies', search: s, replace: true });
    return (
      <RequirePermission permission="companies:read" title="Companies">
        <CompaniesScreen search={search} onSearchChange={set} />
      </RequirePermission>
    );
  },
});

export const companyRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/companies/$companyId',
  component: function CompanyPage() {
    const { companyId } = companyRoute.useParams();
    return (
      <RequirePermission permission="companies:read" title="Company">
        <CompanyScreen id={companyId} />
      </RequirePermission>
    );
  },
});

export const tasksRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tasks',
  component: () => (
    <RequirePermission permission="tasks:read" title="My tasks">
      <MyTasksScreen />
    </RequirePermission>
  ),
});

export const taskRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/tasks/$taskId',
  component: function TaskPage() {
    const { taskId } = taskRoute.useParams();
    return (
      <RequirePermission permission="tasks:read" title="My tasks">
        <MyTasksScreen taskId={taskId} />
      </RequirePermission>
    );
  },
});

export const customFieldsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/settings/custom-fields',
  component: () => (
    <RequirePermission permission="custom_fields:manage" title="Custom fields">
      <CustomFieldsScreen />
    </RequirePermission>
  ),
});

export const duplicatesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: '/duplicates',
  component: () => (
    <RequirePermission permission="contacts:merge" title="Duplicates">
      <DuplicatesScreen />
    </RequirePermission>
  ),
});
