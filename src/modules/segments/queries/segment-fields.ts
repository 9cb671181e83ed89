import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../../kernel/context.ts';
import {
  countCompareSchema,
  defineRegistry,
  type FieldDef,
  type FieldRegistry,
  filterArg,
  type PredicateDef,
  registerPredicate,
  relativeSpanSchema,
} from '../../../kernel/filters/index.ts';
import { contactAlias, contactFields } from '../../contacts/index.ts';
import { contactEventKinds } from '../../engagement/index.ts';
import { dealAlias, dealContactRoles, dealFields } from '../../sales/index.ts';

const c = sql.raw(contactAlias);
const e = (expr: string) => sql.raw(`e.${expr}`);
const ev = (key: string, label: string, type: FieldDef['type'], expr: SQL): FieldDef => ({
  key,
  label,
  type,
  sql: expr,
  nullable: key !== 'id',
});

/** Fields of one behaviour event (contact_events), for has_event's `where`. */
export const eventRegistry: FieldRegistry = defineRegistry({
  entity: 'contact_event',
  fields: [
    ev('id', 'Id', 'uuid', e('id')),
    ev('name', 'Event name', 'text', e('name')),
    ev('url', 'URL', 'url', e('url')),
    ev('subject_id', 'Form, page or message', 'uuid', e('subject_id')),
    ev('campaign_id', 'Campaign', 'uuid', e('campaign_id')),
    ev('occurred_at', 'When', 'datetime', e('occurred_at')),
    ev('utm_source', 'UTM source', 'text', sql.raw(`(e.props->'utm'->>'source')`)),
    ev('utm_medium', 'UTM medium', 'text', sql.raw(`(e.props->'utm'->>'medium')`)),
    ev('utm_campaign', 'UTM campaign', 'text', sql.raw(`(e.props->'utm'->>'campaign')`)),
    ev('referrer', 'Referrer', 'url', sql.raw(`(e.props->>'referrer')`)),
  ],
});

/** `{ predicate: 'has_event', kind?, where?, count?, within? }` over the behaviour log (contact_events). */
export const hasEventPredicate: PredicateDef = {
  description: 'Did something: behaviour events of a kind, optionally matching where (url, name, form…), counted, within a span',
  args: z.strictObject({
    kind: z.enum(contactEventKinds).optional().describe(contactEventKinds.join(', ')),
    where: filterArg.optional().describe('A filter over the event: url, name, subject_id, campaign_id, utm_*, referrer'),
    count: countCompareSchema.optional(),
    within: relativeSpanSchema.optional(),
  }),
  compile: (a, h) => {
    const conds = [sql`e.workspace_id = ${c}.workspace_id`, sql`e.contact_id = ${c}.id`];
    if (a.kind) conds.push(sql`e.kind = ${a.kind}`);
    if (a.within) conds.push(sql`e.occurred_at >= ${h.since(a.within)}`);
    if (a.where !== undefined) conds.push(h.where(a.where, eventRegistry, ['where']));
    const where = sql.join(conds, sql.raw(' and '));
    // "at least 1" is plain existence, which stops at the first event.
    if (a.count && !(a.count.op === 'gte' && a.count.value === 1) && !(a.count.op === 'gt' && a.count.value === 0))
      return h.count(sql`(select count(*) from contact_events e where ${where})`, a.count);
    return sql`exists (select 1 from contact_events e where ${where})`;
  },
};

/** `{ predicate: 'in_list', list }`: the contact is on a static list. */
export const inListPredicate: PredicateDef = {
  description: 'Is on a static list',
  args: z.strictObject({ list: z.uuid().describe('The list id') }),
  compile: (a) =>
    sql`exists (select 1 from list_members lm where lm.workspace_id = ${c}.workspace_id and lm.list_id = ${a.list}::uuid and lm.contact_id = ${c}.id)`,
};

function hasDealPredicate(deals: FieldRegistry): PredicateDef {
  const d = sql.raw(dealAlias);
  return {
    description: 'Is a person on a live deal matching where (stage, status, amount, closed_at…), optionally in a role',
    args: z.strictObject({
      role: z.enum(dealContactRoles).optional().describe(dealContactRoles.join(', ')),
      where: filterArg.optional().describe('A filter over the deal'),
    }),
    compile: (a, h) =>
      sql`exists (select 1 from deal_contacts dc join deals ${d} on ${d}.workspace_id = dc.workspace_id and ${d}.id = dc.deal_id and ${d}.deleted_at is null
        where dc.workspace_id = ${c}.workspace_id and dc.contact_id = ${c}.id ${a.role ? sql`and dc.role = ${a.role}` : sql``}
        and ${h.where(a.where, deals, ['where'])})`,
  };
}

/**
 * Keeps a relation predicate (an EXISTS over a few columns of the contact) a filter of the contacts scan rather than a
 * semi-join. PostgreSQL runs a table's own filters, cheapest first, before any join, so a `company` or `in_list` that
 * it turned into a semi-join ran after every has_event count, however costly (the 1M-contact bench counted the
 * events of 122,500 contacts that the company test would have cut to 35,000 first). As a filter the EXISTS is planned
 * both ways: hashed once over the matching companies (list members, deal people) when many contacts are tested, one
 * index probe per contact for a small batch. `is true` changes nothing else: EXISTS is never NULL.
 */
const asContactFilter = (def: PredicateDef): PredicateDef => ({ ...def, compile: (a, h) => sql`(${def.compile(a, h)}) is true` });

/** The segment filter registry: contact fields and custom fields, `company`, `in_list`, `has_deal` and `has_event`. */
export async function segmentFields(ctx: Ctx): Promise<FieldRegistry> {
  const registry = await contactFields(ctx); // its own predicate map (see contactFields)
  const company = registry.predicates.get('company');
  if (company) registry.predicates.set('company', asContactFilter(company));
  registerPredicate(registry, 'in_list', asContactFilter(inListPredicate));
  registerPredicate(registry, 'has_deal', asContactFilter(hasDealPredicate(await dealFields(ctx))));
  registerPredicate(registry, 'has_event', hasEventPredicate);
  return registry;
}
