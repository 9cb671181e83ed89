import { type SQL, sql } from 'drizzle-orm';
import type { CustomFieldType } from './schema.ts';

export const customEntityTypes = ['contact', 'company', 'deal'] as const;
export type CustomEntityType = (typeof customEntityTypes)[number];

/** The table whose `custom` jsonb column an entity type's fields live in. */
export const entityTables: Record<CustomEntityType, string> = { contact: 'contacts', company: 'companies', deal: 'deals' };

/** snake_case, starting with a letter; short enough for a Postgres index name (63 bytes) to hold it. */
export const keyPattern = /^[a-z][a-z0-9_]{0,39}$/;

const common = [
  'id',
  'workspace_id',
  'created_at',
  'updated_at',
  'deleted_at',
  'custom',
  'owner',
  'owner_id',
  'tags',
  'has_tag',
  'has_activity',
  'last_activity_at',
  'name',
];
/**
 * Built-in field names (snake_case of the API's camelCase) and filter predicates per entity: a custom
 * key may not shadow them, or filters and columns would become ambiguous.
 */
export const reservedKeys: Record<CustomEntityType, ReadonlySet<string>> = {
  contact: new Set([
    ...common,
    'first_name',
    'last_name',
    'display_name',
    'email',
    'emails',
    'phone',
    'phones',
    'title',
    'company',
    'company_id',
    'companies',
    'company_ids',
    'lifecycle_stage',
    'lifecycle_changed_at',
    'lead_status',
    'lead_status_reason',
    'source',
    'first_touch',
    'last_touch',
    'email_consent',
    'do_not_contact',
  ]),
  company: new Set([
    ...common,
    'domain',
    'industry',
    'employee_count',
    'annual_revenue',
    'annual_revenue_currency',
    'country',
    'region',
    'parent_company',
    'parent_company_id',
    'contacts',
    'contact_count',
  ]),
  deal: new Set([
    ...common,
    'title',
    'amount',
    'currency',
    'stage',
    'stage_id',
    'pipeline',
    'pipeline_id',
    'close_date',
    'probability',
    'status',
    'contact',
    'contact_id',
    'company',
    'company_id',
  ]),
};

/** Types that can carry choices, a currency, or a uniqueness rule. */
export const choiceTypes: ReadonlySet<CustomFieldType> = new Set(['select', 'multi_select']);
export const uniqueTypes: ReadonlySet<CustomFieldType> = new Set([
  'text',
  'number',
  'money',
  'date',
  'datetime',
  'select',
  'url',
  'email',
  'phone',
]);

/** The expression index for an indexed field: one per entity table and key, shared by the workspaces that index that key. */
export const indexName = (entityType: CustomEntityType, key: string) => `cf_${entityTables[entityType]}_${key}_idx`;

/** `custom->>'key'` for a key that passed `keyPattern` (so it is safe to inline). */
export function customText(alias: string, key: string): SQL {
  if (!keyPattern.test(key)) throw new Error(`Bad custom field key ${key}`);
  return sql.raw(`${alias ? `${alias}.` : ''}custom->>'${key}'`);
}
