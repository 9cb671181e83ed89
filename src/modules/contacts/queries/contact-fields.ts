import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../../kernel/context.ts';
import {
  defineRegistry,
  type FieldDef,
  type FieldRegistry,
  filterArg,
  type PredicateDef,
  registerPredicate,
  withFields,
} from '../../../kernel/filters/index.ts';
import { companyAlias, companyFields, customFilterFields, hasActivityPredicate, hasTagPredicate } from '../../companies/index.ts';
import { fieldsFor } from '../../custom-fields/index.ts';
import { consentStatuses, leadStatuses, lifecycleStages } from '../schema.ts';

/** The alias every contact query and filter uses for the contacts table. */
export const contactAlias = 'c';

const f = (key: string, label: string, type: FieldDef['type'], column: string, options?: readonly string[]): FieldDef => ({
  key,
  label,
  type,
  sql: sql.raw(`${contactAlias}.${column}`),
  options,
  nullable: !['id', 'display_name', 'created_at', 'tags'].includes(key),
});

/** Built-in contact fields (snake_case keys) and the predicates that need no per-workspace data. */
export const contactRegistry: FieldRegistry = defineRegistry({
  entity: 'contact',
  fields: [
    f('id', 'Id', 'uuid', 'id'),
    f('first_name', 'First name', 'text', 'first_name'),
    f('last_name', 'Last name', 'text', 'last_name'),
    f('display_name', 'Name', 'text', 'display_name'),
    f('email', 'Email', 'email', 'email'),
    f('phone', 'Phone', 'phone', 'phone'),
    f('title', 'Job title', 'text', 'title'),
    f('owner_id', 'Owner', 'uuid', 'owner_id'),
    f('company_id', 'Company', 'uuid', 'company_id'),
    f('lifecycle_stage', 'Lifecycle stage', 'select', 'lifecycle_stage', lifecycleStages),
    f('lifecycle_changed_at', 'Stage changed', 'datetime', 'lifecycle_changed_at'),
    f('lead_status', 'Lead status', 'select', 'lead_status', leadStatuses),
    f('source', 'Source', 'text', 'source'),
    f('email_consent', 'Email consent', 'select', 'email_consent', consentStatuses),
    f('do_not_contact', 'Do not contact', 'boolean', 'do_not_contact'),
    f('tags', 'Tags', 'tags', 'tags'),
    f('last_activity_at', 'Last activity', 'datetime', 'last_activity_at'),
    f('created_at', 'Created', 'datetime', 'created_at'),
    f('updated_at', 'Updated', 'datetime', 'updated_at'),
  ],
  predicates: {
    has_activity: hasActivityPredicate('contact', {
      id: sql.raw(`${contactAlias}.id`),
      workspaceId: sql.raw(`${contactAlias}.workspace_id`),
    }),
    has_tag: hasTagPredicate(sql.raw(`${contactAlias}.tags`)),
  },
});

/** `{ predicate: 'company', where }`: the contact's primary company matches a filter over company fields. */
function companyPredicate(companies: FieldRegistry): PredicateDef {
  const co = sql.raw(companyAlias);
  return {
    description: 'The primary company matches a filter over company fields (name, domain, industry, custom.…)',
    args: z.strictObject({ where: filterArg.optional().describe('A filter over the company') }),
    compile: (a, h) =>
      sql`exists (select 1 from companies ${co} where ${co}.workspace_id = ${sql.raw(contactAlias)}.workspace_id and ${co}.id = ${sql.raw(contactAlias)}.company_id
                  and ${co}.deleted_at is null and ${h.where(a.where, companies, ['where'])})`,
  };
}

/** The contact filter registry of the caller's workspace: built-ins, its custom fields, and `company` over its company fields. */
export async function contactFields(ctx: Ctx): Promise<FieldRegistry> {
  const registry = withFields(contactRegistry, customFilterFields(await fieldsFor(ctx, 'contact'), `${contactAlias}.custom`));
  // withFields shares the predicate map with the base registry; this one gets its own, since `company` is per workspace.
  registry.predicates = new Map(registry.predicates);
  registerPredicate(registry, 'company', companyPredicate(await companyFields(ctx)));
  return registry;
}
