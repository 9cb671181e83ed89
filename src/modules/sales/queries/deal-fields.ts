import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../../kernel/context.ts';
import {
  defineRegistry,
  type FieldDef,
  type FieldRegistry,
  filterArg,
  registerPredicate,
  withFields,
} from '../../../kernel/filters/index.ts';
import { companyAlias, companyFields, customFilterFields, hasActivityPredicate, hasTagPredicate } from '../../companies/index.ts';
import { contactAlias, contactFields } from '../../contacts/index.ts';
import { fieldsFor } from '../../custom-fields/index.ts';
import { dealContactRoles, dealStatuses, forecastCategories } from '../schema.ts';

/** The alias every deal query and filter uses for the deals table. */
export const dealAlias = 'd';

const f = (key: string, label: string, type: FieldDef['type'], column: string, options?: readonly string[]): FieldDef => ({
  key,
  label,
  type,
  sql: sql.raw(`${dealAlias}.${column}`),
  options,
  nullable: ![
    'id',
    'name',
    'pipeline_id',
    'stage_id',
    'status',
    'currency',
    'forecast_category',
    'competitors',
    'tags',
    'stage_entered_at',
    'created_at',
    'updated_at',
  ].includes(key),
});

/** Built-in deal fields (snake_case keys) and the predicates that need no per-workspace data. */
export const dealRegistry: FieldRegistry = defineRegistry({
  entity: 'deal',
  fields: [
    f('id', 'Id', 'uuid', 'id'),
    f('name', 'Name', 'text', 'name'),
    f('pipeline_id', 'Pipeline', 'uuid', 'pipeline_id'),
    f('stage_id', 'Stage', 'uuid', 'stage_id'),
    f('status', 'Status', 'select', 'status', dealStatuses),
    f('amount', 'Amount', 'money', 'amount'),
    f('currency', 'Currency', 'text', 'currency'),
    f('close_date', 'Expected close', 'date', 'close_date'),
    f('owner_id', 'Owner', 'uuid', 'owner_id'),
    f('company_id', 'Company', 'uuid', 'company_id'),
    f('source', 'Source', 'text', 'source'),
    f('campaign_id', 'Campaign', 'text', 'campaign_id'),
    f('competitors', 'Competitors', 'tags', 'competitors'),
    f('next_step', 'Next step', 'text', 'next_step'),
    f('forecast_category', 'Forecast category', 'select', 'forecast_category', forecastCategories),
    f('loss_reason', 'Loss reason', 'text', 'loss_reason'),
    f('lost_to', 'Lost to', 'text', 'lost_to'),
    f('tags', 'Tags', 'tags', 'tags'),
    f('stage_entered_at', 'In stage since', 'datetime', 'stage_entered_at'),
    f('closed_at', 'Closed', 'datetime', 'closed_at'),
    f('last_activity_at', 'Last activity', 'datetime', 'last_activity_at'),
    f('created_at', 'Created', 'datetime', 'created_at'),
    f('updated_at', 'Updated', 'datetime', 'updated_at'),
  ],
  predicates: {
    has_activity: hasActivityPredicate('deal', { id: sql.raw(`${dealAlias}.id`), workspaceId: sql.raw(`${dealAlias}.workspace_id`) }),
    has_tag: hasTagPredicate(sql.raw(`${dealAlias}.tags`)),
  },
});

/** The deal filter registry of the caller's workspace: built-ins, custom fields, `company {where}` and `has_contact {role?, where}`. */
export async function dealFields(ctx: Ctx): Promise<FieldRegistry> {
  const registry = withFields(dealRegistry, customFilterFields(await fieldsFor(ctx, 'deal'), `${dealAlias}.custom`));
  registry.predicates = new Map(registry.predicates);
  const d = sql.raw(dealAlias);
  const co = sql.raw(companyAlias);
  const ct = sql.raw(contactAlias);
  const companies = await companyFields(ctx);
  const people = await contactFields(ctx);
  registerPredicate(registry, 'company', {
    description: 'The deal’s company matches a filter over company fields',
    args: z.strictObject({ where: filterArg.optional().describe('A filter over the company') }),
    compile: (a, h) =>
      sql`exists (select 1 from companies ${co} where ${co}.workspace_id = ${d}.workspace_id and ${co}.id = ${d}.company_id
                  and ${co}.deleted_at is null and ${h.where(a.where, companies, ['where'])})`,
  });
  registerPredicate(registry, 'has_contact', {
    description: 'One of the deal’s contacts (optionally in a role) matches a filter over contact fields',
    args: z.strictObject({
      role: z.enum(dealContactRoles).optional().describe(dealContactRoles.join(', ')),
      where: filterArg.optional().describe('A filter over the contact'),
    }),
    compile: (a, h) =>
      sql`exists (select 1 from deal_contacts dc join contacts ${ct} on ${ct}.workspace_id = dc.workspace_id and ${ct}.id = dc.contact_id
                  where dc.workspace_id = ${d}.workspace_id and dc.deal_id = ${d}.id and ${ct}.deleted_at is null
                  ${a.role ? sql`and dc.role = ${a.role}` : sql``} and ${h.where(a.where, people, ['where'])})`,
  });
  return registry;
}
