import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { defineRegistry, type FieldDef, type FieldRegistry } from '../../kernel/filters/index.ts';
import { activityTypes } from '../activities/index.ts';
import { companyAlias, companyFields } from '../companies/index.ts';
import { contactAlias, contactFields } from '../contacts/index.ts';
import { ownerVisibility } from '../identity/index.ts';

export const exportEntities = ['contacts', 'companies', 'activities'] as const;
export type ExportEntity = (typeof exportEntities)[number];

/** One CSV column: its key (registry field, derived name or custom.<key>), header label and a SQL expression yielding text. */
export interface ExportColumn {
  key: string;
  label: string;
  sql: SQL;
}

/** What an export of one record type reads: table, filter registry, scope (workspace, live, visible) and extra columns. */
export interface RecordSource {
  entity: ExportEntity;
  permission: string;
  /** The saved-view entity type whose views may drive this export. */
  viewType?: 'contact' | 'company';
  from: SQL;
  registry(ctx: Ctx): Promise<FieldRegistry>;
  scope(ctx: Ctx): SQL;
  /**
   * The unsorted export order, newest first, as plain columns of an index (workspace_id, time, id): it pages with a
   * row comparison the index serves, so an export of any size reads each row once.
   */
  newestFirst: { time: SQL; id: SQL };
  /** Columns that are not filter fields: names of linked records, owner emails. */
  derived: ExportColumn[];
}

/** A registry field's value as CSV text: ISO dates in UTC, lists joined by "; ", numbers and booleans as written. */
export function cellSql(f: FieldDef): SQL {
  switch (f.type) {
    case 'date':
      return sql`to_char(${f.sql}, 'YYYY-MM-DD')`;
    case 'datetime':
      return sql`to_char(${f.sql} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
    case 'multi_select':
    case 'tags':
      return sql`array_to_string(${f.sql}, '; ')`;
    default:
      return sql`(${f.sql})::text`;
  }
}

const ownerEmail = (alias: string): ExportColumn => ({
  key: 'owner_email',
  label: 'Owner email',
  sql: sql.raw(`(select u.email from users u where u.id = ${alias}.owner_id)`),
});

const c = contactAlias;
const co = companyAlias;
const contactsSource: RecordSource = {
  entity: 'contacts',
  permission: 'contacts:read',
  viewType: 'contact',
  from: sql.raw(`contacts ${c}`),
  registry: contactFields,
  scope: (ctx) =>
    sql`${sql.raw(c)}.workspace_id = ${ctx.workspaceId} and ${sql.raw(c)}.deleted_at is null and ${ownerVisibility(ctx, sql.raw(`${c}.owner_id`))}`,
  newestFirst: { time: sql.raw(`${c}.created_at`), id: sql.raw(`${c}.id`) },
  derived: [
    ownerEmail(c),
    {
      key: 'company_name',
      label: 'Company name',
      sql: sql.raw(`(select x.name from companies x where x.workspace_id = ${c}.workspace_id and x.id = ${c}.company_id)`),
    },
    {
      key: 'company_domain',
      label: 'Company domain',
      sql: sql.raw(`(select x.domain from companies x where x.workspace_id = ${c}.workspace_id and x.id = ${c}.company_id)`),
    },
  ],
};

const companiesSource: RecordSource = {
  entity: 'companies',
  permission: 'companies:read',
  viewType: 'company',
  from: sql.raw(`companies ${co}`),
  registry: companyFields,
  scope: (ctx) =>
    sql`${sql.raw(co)}.workspace_id = ${ctx.workspaceId} and ${sql.raw(co)}.deleted_at is null and ${ownerVisibility(ctx, sql.raw(`${co}.owner_id`))}`,
  newestFirst: { time: sql.raw(`${co}.created_at`), id: sql.raw(`${co}.id`) },
  derived: [
    ownerEmail(co),
    {
      key: 'parent_company_name',
      label: 'Parent company name',
      sql: sql.raw(`(select x.name from companies x where x.workspace_id = ${co}.workspace_id and x.id = ${co}.parent_company_id)`),
    },
  ],
};

const a = 'a';
const af = (key: string, label: string, type: FieldDef['type'], options?: readonly string[]): FieldDef => ({
  key,
  label,
  type,
  sql: sql.raw(`${a}.${key}`),
  options,
  nullable: !['id', 'type', 'occurred_at', 'created_at'].includes(key),
});

/** Activities as a filterable record type (the activities API pages by time only; exports filter and sort like lists). */
export const activityRegistry = defineRegistry({
  entity: 'activity',
  fields: [
    af('id', 'Id', 'uuid'),
    af('type', 'Type', 'select', activityTypes),
    af('subject', 'Subject', 'text'),
    af('body', 'Body', 'long_text'),
    af('occurred_at', 'Occurred', 'datetime'),
    af('owner_id', 'Owner', 'uuid'),
    af('created_at', 'Created', 'datetime'),
    af('updated_at', 'Updated', 'datetime'),
  ],
});

const linked = (type: string, table: string, column: string) =>
  sql.raw(`(select string_agg(x.${column}, '; ' order by x.${column}) from activity_links l join ${table} x
    on x.workspace_id = l.workspace_id and x.id = l.entity_id
    where l.workspace_id = ${a}.workspace_id and l.activity_id = ${a}.id and l.entity_type = '${type}')`);

const activitiesSource: RecordSource = {
  entity: 'activities',
  permission: 'activities:read',
  from: sql.raw(`activities ${a}`),
  registry: async () => activityRegistry,
  // The same rows as GET /api/activities: every activity of the workspace.
  scope: (ctx) => sql`${sql.raw(a)}.workspace_id = ${ctx.workspaceId}`,
  newestFirst: { time: sql.raw(`${a}.occurred_at`), id: sql.raw(`${a}.id`) },
  derived: [
    ownerEmail(a),
    { key: 'contact_emails', label: 'Contacts', sql: linked('contact', 'contacts', 'email') },
    { key: 'company_names', label: 'Companies', sql: linked('company', 'companies', 'name') },
  ],
};

export const recordSources: Record<ExportEntity, RecordSource> = {
  contacts: contactsSource,
  companies: companiesSource,
  activities: activitiesSource,
};
