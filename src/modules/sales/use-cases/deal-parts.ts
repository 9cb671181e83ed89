import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace, rows } from '../../../kernel/db/index.ts';
import { assertMember, cleanTags, mergeCustom } from '../../companies/index.ts';
import { validateCustomValues } from '../../custom-fields/index.ts';
import { checkCurrency } from '../currency.ts';
import { cleanList, type DealContactInput, type DealInput, textOrNull } from '../deal-input.ts';
import { assertCompany, assertContacts, type RequirementValues } from '../deal-rules.ts';
import type { DealRow } from '../queries/deal-shape.ts';
import { dealContacts, dealStageHistory, type deals } from '../schema.ts';

type Columns = Partial<typeof deals.$inferInsert>;

/**
 * Checks the plain fields of a create or update and returns the columns to write (only the keys
 * given) and the requirement values the deal would have afterwards.
 */
export async function prepareDealFields(
  ctx: Ctx,
  base: DealRow | null,
  input: Partial<DealInput>,
): Promise<{ columns: Columns; contacts?: DealContactInput[]; after: RequirementValues }> {
  const columns: Columns = {};
  if (input.name !== undefined) columns.name = input.name.trim();
  if (input.currency !== undefined) columns.currency = checkCurrency(input.currency, ['body', 'currency']);
  if (input.amount !== undefined) columns.amount = input.amount;
  if (input.closeDate !== undefined) columns.closeDate = input.closeDate;
  if (input.ownerId !== undefined) {
    await assertMember(ctx, input.ownerId, ['body', 'ownerId']);
    columns.ownerId = input.ownerId;
  }
  if (input.companyId !== undefined) {
    await assertCompany(ctx, input.companyId, ['body', 'companyId']);
    columns.companyId = input.companyId;
  }
  if (input.contacts) await assertContacts(ctx, input.contacts, ['body', 'contacts']);
  for (const k of ['source', 'campaignId', 'nextStep', 'lossReason', 'lostTo'] as const)
    if (input[k] !== undefined) columns[k] = textOrNull(input[k]);
  if (input.competitors !== undefined) columns.competitors = cleanList(input.competitors);
  if (input.forecastCategory !== undefined) columns.forecastCategory = input.forecastCategory;
  if (input.tags !== undefined) columns.tags = cleanTags(input.tags, ['body', 'tags']);
  if (input.custom !== undefined) {
    const values = await validateCustomValues(ctx, 'deal', input.custom, base ? { partial: true, recordId: base.id } : {});
    columns.custom = base ? mergeCustom(base.custom, values) : values;
  }
  const pick = <K extends keyof Columns & keyof DealRow>(k: K) => (k in columns ? columns[k] : base?.[k]) ?? null;
  const contactCount = input.contacts ? input.contacts.length : base ? await countContacts(ctx, base.id) : 0;
  const after: RequirementValues = {
    amount: pick('amount') as number | null,
    closeDate: pick('closeDate') as string | null,
    ownerId: pick('ownerId') as string | null,
    companyId: pick('companyId') as string | null,
    contacts: contactCount,
    source: pick('source') as string | null,
    campaignId: pick('campaignId') as string | null,
    competitors: (pick('competitors') as string[] | null) ?? [],
    nextStep: pick('nextStep') as string | null,
    forecastCategory: pick('forecastCategory') as string | null,
    lossReason: pick('lossReason') as string | null,
    custom: (pick('custom') as Record<string, unknown> | null) ?? {},
  };
  return { columns, contacts: input.contacts, after };
}

async function countContacts(ctx: Ctx, dealId: string) {
  const [r] = await rows<{ n: number }>(
    ctx.db,
    sql`select count(*)::int as n from deal_contacts dc join contacts c on c.id = dc.contact_id and c.workspace_id = dc.workspace_id
        where dc.workspace_id = ${ctx.workspaceId} and dc.deal_id = ${dealId} and c.deleted_at is null`,
  );
  return r?.n ?? 0;
}

/** Replaces the deal's contacts and roles. */
export async function writeDealContacts(ctx: Ctx, dealId: string, list: DealContactInput[]) {
  await ctx.db.delete(dealContacts).where(inWorkspace(dealContacts.workspaceId, ctx, eq(dealContacts.dealId, dealId)));
  if (list.length)
    await ctx.db
      .insert(dealContacts)
      .values(list.map((c) => ({ workspaceId: ctx.workspaceId, dealId, contactId: c.contactId, role: c.role ?? null })));
}

/** Closes the open history row of the deal and opens one for the new stage, both at `at`. */
export async function enterStage(
  ctx: Ctx,
  deal: { id: string; pipelineId: string },
  stageId: string,
  fromStageId: string | null,
  at: Date,
) {
  await ctx.db
    .update(dealStageHistory)
    .set({ leftAt: at })
    .where(and(inWorkspace(dealStageHistory.workspaceId, ctx, eq(dealStageHistory.dealId, deal.id)), isNull(dealStageHistory.leftAt)));
  await ctx.db.insert(dealStageHistory).values({
    workspaceId: ctx.workspaceId,
    dealId: deal.id,
    pipelineId: deal.pipelineId,
    stageId,
    fromStageId,
    enteredAt: at,
    actorType: ctx.actor.type,
    actorId: ctx.actor.userId ?? ctx.actor.id,
  });
}
