import {
  IconActivity,
  IconAddressBook,
  IconBuilding,
  IconBuildingSkyscraper,
  IconChartBar,
  IconChartHistogram,
  IconChecklist,
  IconClockHour4,
  IconCoins,
  IconCopy,
  IconDatabaseExport,
  IconFileImport,
  IconFilter,
  IconForms,
  IconHistory,
  IconHome,
  IconHourglass,
  IconKey,
  IconLayout,
  IconLayoutKanban,
  IconList,
  IconMail,
  IconMailCog,
  IconPackage,
  IconReceipt,
  IconRosetteDiscountCheck,
  IconRoute,
  IconSpeakerphone,
  IconTable,
  IconTarget,
  IconTrophy,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
  IconWebhook,
  IconWorldWww,
  type TablerIcon,
} from '@tabler/icons-react';
import type { LinkProps } from '@tanstack/react-router';

export interface NavItem {
  label: string;
  to: NonNullable<LinkProps['to']>;
  icon: TablerIcon;
  /** Shown only to users holding this permission (from /api/me). */
  permission?: string;
  /** Active only on this exact path (not on its children). */
  exact?: boolean;
}

export interface NavSection {
  label?: string;
  items: NavItem[];
}

/**
 * The sidebar, top to bottom. A module adds its screens by adding a section here
 * (e.g. `{ label: 'CRM', items: [{ label: 'Contacts', to: '/contacts', icon: IconAddressBook, permission: 'contacts:read' }] }`).
 */
export const navSections: NavSection[] = [
  { items: [{ label: 'Home', to: '/', icon: IconHome, exact: true }] },
  {
    label: 'CRM',
    items: [
      { label: 'Contacts', to: '/contacts', icon: IconAddressBook, permission: 'contacts:read' },
      { label: 'Companies', to: '/companies', icon: IconBuildingSkyscraper, permission: 'companies:read' },
      { label: 'My tasks', to: '/tasks', icon: IconChecklist, permission: 'tasks:read' },
      { label: 'Duplicates', to: '/duplicates', icon: IconCopy, permission: 'contacts:merge' },
      { label: 'Imports', to: '/imports', icon: IconFileImport, permission: 'imports:read' },
    ],
  },
  {
    label: 'Marketing',
    items: [
      { label: 'Segments', to: '/segments', icon: IconUsersGroup, permission: 'segments:read' },
      { label: 'Lists', to: '/lists', icon: IconList, permission: 'segments:read' },
      { label: 'Email', to: '/email', icon: IconMail, permission: 'email:read' },
      { label: 'Campaigns', to: '/campaigns', icon: IconSpeakerphone, permission: 'campaigns:read' },
      { label: 'Attribution', to: '/attribution', icon: IconChartBar, permission: 'campaigns:read' },
      { label: 'Forms', to: '/forms', icon: IconForms, permission: 'forms:read' },
      { label: 'Landing pages', to: '/pages', icon: IconLayout, permission: 'pages:read' },
      { label: 'Web analytics', to: '/analytics/web', icon: IconChartBar, permission: 'tracking:read' },
    ],
  },
  {
    label: 'Sales',
    items: [
      { label: 'Deals', to: '/deals', icon: IconLayoutKanban, permission: 'deals:read' },
      { label: 'Forecast', to: '/forecasts', icon: IconTarget, permission: 'forecasts:read' },
      { label: 'Win/loss', to: '/reports/win-loss', icon: IconChartBar, permission: 'forecasts:read' },
      { label: 'Orders', to: '/orders', icon: IconReceipt, permission: 'orders:read' },
      { label: 'Approvals', to: '/approvals', icon: IconRosetteDiscountCheck, permission: 'quotes:approve' },
      { label: 'Leads waiting', to: '/leads/waiting', icon: IconHourglass, permission: 'leads:read' },
      { label: 'Response times', to: '/leads/response-times', icon: IconClockHour4, permission: 'leads:read' },
    ],
  },
  {
    label: 'Reports',
    items: [
      { label: 'KPI dashboard', to: '/reports/kpis', icon: IconChartHistogram, permission: 'analytics:read' },
      { label: 'Funnel', to: '/reports/funnel', icon: IconFilter, permission: 'analytics:read' },
      { label: 'Cohorts', to: '/reports/cohorts', icon: IconTable, permission: 'analytics:read' },
      { label: 'Sales performance', to: '/reports/sales-performance', icon: IconTrophy, permission: 'analytics:read' },
      { label: 'Marketing performance', to: '/reports/marketing-performance', icon: IconSpeakerphone, permission: 'analytics:read' },
    ],
  },
  {
    label: 'Settings',
    items: [
      { label: 'Workspace', to: '/settings/workspace', icon: IconBuilding, permission: 'workspace:read' },
      { label: 'Profile', to: '/settings/profile', icon: IconUserCircle, permission: 'self:read' },
      { label: 'Users & invites', to: '/settings/users', icon: IconUsers, permission: 'users:manage' },
      { label: 'Custom fields', to: '/settings/custom-fields', icon: IconForms, permission: 'custom_fields:manage' },
      { label: 'Pipelines', to: '/settings/pipelines', icon: IconLayoutKanban, permission: 'pipelines:manage' },
      { label: 'Products', to: '/settings/products', icon: IconPackage, permission: 'products:read' },
      { label: 'Quotes & orders', to: '/settings/quotes', icon: IconReceipt, permission: 'workspace:manage' },
      { label: 'Lead routing', to: '/settings/routing', icon: IconRoute, permission: 'routing:read' },
      { label: 'Targets & costs', to: '/settings/kpis', icon: IconCoins, permission: 'analytics:manage' },
      { label: 'Email sending', to: '/settings/email', icon: IconMailCog, permission: 'email:manage' },
      { label: 'Website tracking', to: '/settings/tracking', icon: IconWorldWww, permission: 'tracking:read' },
      { label: 'API keys', to: '/settings/api-keys', icon: IconKey, permission: 'api_keys:manage' },
      { label: 'Webhooks', to: '/settings/webhooks', icon: IconWebhook, permission: 'webhooks:read' },
      { label: 'Audit log', to: '/settings/audit-log', icon: IconHistory, permission: 'audit:read' },
      { label: 'Jobs', to: '/settings/jobs', icon: IconActivity, permission: 'jobs:read' },
      { label: 'Export', to: '/settings/export', icon: IconDatabaseExport, permission: 'workspace:export' },
    ],
  },
];

/** The sections and items a user may see; sections left empty disappear. */
export function visibleNav(can: (permission: string) => boolean): NavSection[] {
  return navSections
    .map((s) => ({ ...s, items: s.items.filter((i) => !i.permission || can(i.permission)) }))
    .filter((s) => s.items.length > 0);
}
