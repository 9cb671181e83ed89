import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/index.ts';
import type { Ctx } from '../../kernel/context.ts';
import { rows } from '../../kernel/db/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { emitEvent } from '../../kernel/events/index.ts';
import { type CompanyDetail, companies, getCompany } from '../../modules/companies/index.ts';
import { type Flow, runFlow } from '../flow.ts';
import { type Chosen, chooseValues, type FieldRule } from './choose-values.ts';
import { type CompanyRow, lockCompanies } from './lock-records.ts';
import { checkMergeInput, type MergeInput } from './merge-input.ts';
import { aliasMergedRecords, companyReferences, latest, moveActivityLinks, moveNotificationLinks, repoint } from './move-references.ts';

interface State {
  input: MergeInput;
  records: CompanyRow[];
  before: CompanyDetail[];
  chosen: Chosen;
  after?: CompanyDetail;
}

const simple = (name: keyof CompanyRow): FieldRule<CompanyRow> => ({ name, get: (r) => r[name] });

/** The company fields a merge can choose (default: the survivor's value, or the first merged record's when it has none). */
export const companyRules: FieldRule<CompanyRow>[] = (
  ['name', 'domain', 'industry', 'employeeCount', 'annualRevenue', 'country', 'region', 'ownerId', 'parentCompanyId'] as const
).map(simple);

const list = (ids: string[]) =>
  sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );

/** Contacts of the merged companies (primary or other links) belong to the survivor; a contact linked to both keeps one link. */
async function moveContactLinks(ctx: Ctx, survivorId: string, mergedIds: string[]) {
  await ctx.db.execute(sql`insert into contact_companies (workspace_id, contact_id, company_id, is_primary, created_at)
    select workspace_id, contact_id, ${survivorId}::uuid, bool_or(is_primary), min(created_at) from contact_companies
    where workspace_id = ${ctx.workspaceId} and company_id in (${list(mergedIds)}) group by workspace_id, contact_id
    on conflict (workspace_id, contact_id, company_id) do update set is_primary = contact_companies.is_primary or excluded.is_primary`);
  await ctx.db.execute(sql`delete from contact_companies where workspace_id = ${ctx.workspaceId} and company_id in (${list(mergedIds)})`);
}

/** Subsidiaries of merged companies become the survivor's. */
async function moveChildCompanies(ctx: Ctx, survivorId: string, mergedIds: string[]) {
  await ctx.db.execute(sql`update companies set parent_company_id = ${survivorId}
    where workspace_id = ${ctx.workspaceId} and parent_company_id in (${list(mergedIds)}) and id <> ${survivorId} and id not in (${list(mergedIds)})`);
}

/** The chosen parent, unless it is one of the merged records; 400 company_parent_cycle when the survivor is among its ancestors. */
async function parentOf(ctx: Ctx, s: State, chosen: string | null): Promise<string | null> {
  if (!chosen || chosen === s.input.survivorId || s.input.mergedIds.includes(chosen)) return null;
  const [loop] = await rows<{ id: string }>(
    ctx.db,
    sql`with recursive up(id, depth) as (select ${chosen}::uuid, 0 union all
          select c.parent_company_id, up.depth + 1 from companies c join up on c.id = up.id
          where c.workspace_id = ${ctx.workspaceId} and c.parent_company_id is not null and up.depth < 100)
        select id from up where id = ${s.input.survivorId} limit 1`,
  );
  if (loop)
    throw new AppError('company_parent_cycle', `The parent ${chosen} is a subsidiary of the survivor; choose another parentCompanyId.`, {
      path: ['body', 'fields', 'parentCompanyId'],
    });
  return chosen;
}

async function updateSurvivor(ctx: Ctx, s: State) {
  const [survivor] = s.records;
  // Every rule is a companies column of the same name, so the chosen values have the row's types.
  const v = s.chosen.values as unknown as CompanyRow;
  const revenueFrom = s.records.find((r) => r.id === s.chosen.sources.annualRevenue)!;
  await ctx.db
    .update(companies)
    .set({
      name: v.name,
      domain: v.domain,
      industry: v.industry,
      employeeCount: v.employeeCount,
      annualRevenue: v.annualRevenue,
      annualRevenueCurrency: revenueFrom.annualRevenueCurrency,
      country: v.country,
      region: v.region,
      ownerId: v.ownerId,
      parentCompanyId: await parentOf(ctx, s, v.parentCompanyId),
      tags: [...new Set(s.records.flatMap((r) => r.tags))],
      custom: s.chosen.custom,
      lastActivityAt: latest(s.records.map((r) => r.lastActivityAt)),
      updatedAt: new Date(),
    })
    .where(eq(companies.id, survivor!.id));
}

/** The steps of a company merge; each one's database writes are undone by the flow's rollback. */
export const mergeCompaniesFlow: Flow<State> = {
  name: 'merge-companies',
  steps: [
    { name: 'check-input', run: async (_ctx, s) => checkMergeInput(s.input) },
    {
      name: 'lock-records',
      run: async (ctx, s) => {
        s.records = await lockCompanies(ctx, s.input);
      },
    },
    {
      name: 'snapshot-records',
      run: async (ctx, s) => {
        for (const r of s.records) s.before.push(await getCompany(ctx, r.id));
      },
    },
    {
      name: 'choose-values',
      run: async (_ctx, s) => {
        s.chosen = chooseValues(s.records, companyRules, s.input.fields);
      },
    },
    { name: 'move-contact-links', run: (ctx, s) => moveContactLinks(ctx, s.input.survivorId, s.input.mergedIds) },
    { name: 'move-contacts-and-tasks', run: (ctx, s) => repoint(ctx, companyReferences, s.input.survivorId, s.input.mergedIds) },
    { name: 'move-child-companies', run: (ctx, s) => moveChildCompanies(ctx, s.input.survivorId, s.input.mergedIds) },
    { name: 'move-activity-links', run: (ctx, s) => moveActivityLinks(ctx, 'company', s.input.survivorId, s.input.mergedIds) },
    { name: 'move-notification-links', run: (ctx, s) => moveNotificationLinks(ctx, s.input.survivorId, s.input.mergedIds) },
    { name: 'alias-merged-records', run: (ctx, s) => aliasMergedRecords(ctx, 'company', s.input.survivorId, s.input.mergedIds) },
    {
      name: 'delete-merged-records',
      // Before the survivor update: a chosen domain of a merged company is free only once that row is gone.
      run: async (ctx, s) =>
        void (await ctx.db.execute(sql`delete from companies where workspace_id = ${ctx.workspaceId} and id in ${s.input.mergedIds}`)),
    },
    { name: 'update-survivor', run: updateSurvivor },
    {
      name: 'record-merge',
      run: async (ctx, s) => {
        const id = s.input.survivorId;
        s.after = await getCompany(ctx, id);
        await recordAudit(ctx, {
          action: 'company.merged',
          entityType: 'company',
          entityId: id,
          before: s.before,
          after: { ...s.after, mergedIds: s.input.mergedIds, sources: s.chosen.sources },
        });
        await emitEvent(ctx, {
          type: 'company.merged',
          entityType: 'company',
          entityId: id,
          data: { survivorId: id, mergedIds: s.input.mergedIds },
        });
      },
    },
  ],
};

/**
 * Merges 1–9 companies into a survivor: contacts (primary and other links), subsidiaries, activities,
 * tasks and notification links move to it; chosen fields are written on it; merged ids become
 * aliases and the merged rows are deleted. One transaction: on any error nothing changes.
 */
export async function mergeCompanies(ctx: Ctx, input: MergeInput): Promise<CompanyDetail> {
  const state = await runFlow(ctx, mergeCompaniesFlow, { input, records: [], before: [], chosen: { values: {}, custom: {}, sources: {} } });
  return state.after!;
}
