import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { customFieldDefs, defineRegistry, type FieldDef, type FieldRegistry, withFields } from '../../../kernel/filters/index.ts';
import { type CustomFieldDef, fieldsFor } from '../../custom-fields/index.ts';
import { hasActivityPredicate, hasTagPredicate } from './record-predicates.ts';

/** The alias every company query and filter uses for the companies table. */
export const companyAlias = 'co';

const f = (key: string, label: string, type: FieldDef['type'], column: string): FieldDef => ({
  key,
  label,
  type,
  sql: sql.raw(`${companyAlias}.${column}`),
  nullable: key !== 'id' && key !== 'name' && key !== 'created_at',
});

/** Built-in company fields (snake_case keys) and predicates; custom fields are added per workspace. */
export const companyRegistry: FieldRegistry = defineRegistry({
  entity: 'company',
  fields: [
    f('id', 'Id', 'uuid', 'id'),
    f('name', 'Name', 'text', 'name'),
    f('domain', 'Domain', 'text', 'domain'),
    f('industry', 'Industry', 'text', 'industry'),
    f('employee_count', 'Employees', 'number', 'employee_count'),
    f('annual_revenue', 'Annual revenue', 'money', 'annual_revenue'),
    f('annual_revenue_currency', 'Revenue currency', 'text', 'annual_revenue_currency'),
    f('country', 'Country', 'text', 'country'),
    f('region', 'Region', 'text', 'region'),
    f('owner_id', 'Owner', 'uuid', 'owner_id'),
    f('parent_company_id', 'Parent company', 'uuid', 'parent_company_id'),
    f('tags', 'Tags', 'tags', 'tags'),
    f('last_activity_at', 'Last activity', 'datetime', 'last_activity_at'),
    f('created_at', 'Created', 'datetime', 'created_at'),
    f('updated_at', 'Updated', 'datetime', 'updated_at'),
  ],
  predicates: {
    has_activity: hasActivityPredicate('company', {
      id: sql.raw(`${companyAlias}.id`),
      workspaceId: sql.raw(`${companyAlias}.workspace_id`),
    }),
    has_tag: hasTagPredicate(sql.raw(`${companyAlias}.tags`)),
  },
});

/** Custom field definitions as filter fields ("custom.<key>") over a jsonb column. */
export function customFilterFields(defs: CustomFieldDef[], column: string): FieldDef[] {
  return customFieldDefs(
    defs.map((d) => ({ key: d.key, label: d.label, type: d.type, ...(d.choices.length && { options: d.choices.map((c) => c.value) }) })),
    sql.raw(column),
  );
}

/** The company filter registry of the caller's workspace: built-in fields plus its active custom fields. */
export async function companyFields(ctx: Ctx): Promise<FieldRegistry> {
  return withFields(companyRegistry, customFilterFields(await fieldsFor(ctx, 'company'), `${companyAlias}.custom`));
}
