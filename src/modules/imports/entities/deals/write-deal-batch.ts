import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../../kernel/context.ts';
import { rows } from '../../../../kernel/db/index.ts';
import { AppError } from '../../../../kernel/errors.ts';
import { cleanTags } from '../../../companies/index.ts';
import { createDeal, type Deal, type DealDetail, type DealInput, getDeal, moveDeal, updateDeal } from '../../../sales/index.ts';
import { changedByThisImport, findByExternalId, foldDuplicates, linkExternalIds, Outcome, recordChanges } from '../batch-tools.ts';
import { type CompanyRef, refKey, resolveCompanies } from '../company-links.ts';
import type { Checked, RunSettings } from '../entity.ts';
import { shown } from '../row-values.ts';
import { type DealRecord, dealFieldOfPath } from './check-deal-row.ts';

type Row = Extract<Checked<DealRecord>, { ok: true }>;

/** What undo restores of an updated deal (times as ISO strings: it travels as JSON). */
export type DealBefore = Pick<
  Deal,
  | 'id'
  | 'name'
  | 'pipelineId'
  | 'stageId'
  | 'status'
  | 'amount'
  | 'currency'
  | 'closeDate'
  | 'ownerId'
  | 'companyId'
  | 'source'
  | 'nextStep'
  | 'lossReason'
  | 'lostTo'
  | 'competitors'
  | 'forecastCategory'
  | 'tags'
  | 'custom'
> & { stageEnteredAt: string; closedAt: string | null; contacts: { contactId: string; role: string | null }[] };

const beforeOf = (d: DealDetail): DealBefore => ({
  id: d.id,
  name: d.name,
  pipelineId: d.pipelineId,
  stageId: d.stageId,
  status: d.status,
  amount: d.amount,
  currency: d.currency,
  closeDate: d.closeDate,
  ownerId: d.ownerId,
  companyId: d.companyId,
  source: d.source,
  nextStep: d.nextStep,
  lossReason: d.lossReason,
  lostTo: d.lostTo,
  competitors: d.competitors,
  forecastCategory: d.forecastCategory,
  tags: d.tags,
  custom: d.custom,
  stageEnteredAt: new Date(d.stageEnteredAt).toISOString(),
  closedAt: d.closedAt ? new Date(d.closedAt).toISOString() : null,
  contacts: d.contacts.map((c) => ({ contactId: c.contactId, role: c.role })),
});

/** Later rows' given values win; tags, contacts and custom values add up. */
function mergeRecords(into: Row, from: Row) {
  const a = into.record;
  const b = from.record;
  const tags = a.tags || b.tags ? cleanTags([...(a.tags ?? []), ...(b.tags ?? [])], ['tags'])!.slice(0, 50) : undefined;
  const contactEmails =
    a.contactEmails || b.contactEmails ? [...new Set([...(a.contactEmails ?? []), ...(b.contactEmails ?? [])])] : undefined;
  const custom = a.custom || b.custom ? { ...a.custom, ...b.custom } : undefined;
  Object.assign(a, Object.fromEntries(Object.entries(b).filter(([, v]) => v !== undefined && v !== null)), { tags, contactEmails, custom });
}

/** Live contacts by email (primary or not), one query per batch. */
async function contactsByEmail(ctx: Ctx, emails: string[]) {
  if (!emails.length) return new Map<string, string>();
  const list = await rows<{ email: string; contact_id: string }>(
    ctx.db,
    sql`select ce.email, ce.contact_id from contact_emails ce
        join contacts c on c.workspace_id = ce.workspace_id and c.id = ce.contact_id and c.deleted_at is null
        where ce.workspace_id = ${ctx.workspaceId} and ce.email = any(array(select jsonb_array_elements_text(${JSON.stringify(emails)}::jsonb)))`,
  );
  return new Map(list.map((r) => [r.email, r.contact_id]));
}

/**
 * Writes one batch of checked deal rows. Keys, contacts and companies are looked up once per batch; each
 * row then goes through the sales use cases (createDeal, updateDeal, moveDeal) in its own savepoint, so a
 * row the sales rules refuse (a stage's required fields, a closed stage without a loss reason) fails alone
 * with the rule's message while the batch commits. A deal imported into a won or lost stage is created in
 * its pipeline's first open stage and moved there, which runs the win/loss flow as a person's move would.
 */
export async function writeDealBatch(ctx: Ctx, input: Row[], run: RunSettings): Promise<Outcome> {
  const out = new Outcome();
  const keyOf = (r: Row) => r.record.externalId;
  const batch = run.key === 'external_id' ? foldDuplicates(input, keyOf, run, out, mergeRecords, 'external_id') : input;
  const byExternal = await findByExternalId(
    ctx,
    'deal',
    'deals',
    batch.map(keyOf).filter((x): x is string => !!x),
  );
  const seen = await changedByThisImport(ctx, run.importId, 'deal', [...byExternal.values()]);
  const people = await contactsByEmail(ctx, [...new Set(batch.flatMap((r) => r.record.contactEmails ?? []))]);
  const companies = await resolveCompanies(
    ctx,
    run.importId,
    batch.map((r) => r.record.company).filter((c): c is CompanyRef => !!c),
    ctx.actor.userId ?? null,
  );
  const companyOf = (r: Row) => {
    const k = r.record.company && refKey(r.record.company);
    return k ? companies.get(k) : undefined;
  };
  const created: { record_id: string; action: 'created'; row_number: number }[] = [];
  const updated: { record_id: string; action: 'updated'; row_number: number; before: DealBefore }[] = [];
  const external: { external_id: string; record_id: string }[] = [];
  for (const r of batch) {
    const k = keyOf(r);
    const id = k ? byExternal.get(k) : undefined;
    const earlier = id ? seen.get(id) : undefined;
    if (id && earlier !== undefined && run.duplicatesInFile === 'report') {
      out.reject(
        r.rowNumber,
        'failed',
        'external_id',
        run,
        k,
        `Duplicate of row ${earlier} (same external_id); fix or remove one of them.`,
      );
      continue;
    }
    if (id && run.mode === 'create' && earlier === undefined) {
      out.reject(
        r.rowNumber,
        'skipped',
        'external_id',
        run,
        k,
        `A deal with this external_id exists (${id}); import with mode update or upsert to change it.`,
      );
      continue;
    }
    if (!id && run.mode === 'update') {
      out.reject(
        r.rowNumber,
        'skipped',
        'external_id',
        run,
        k,
        k ? 'No deal has this external_id; nothing to update.' : 'The external_id is empty; an update needs it.',
      );
      continue;
    }
    const missing = (r.record.contactEmails ?? []).find((e) => !people.has(e));
    if (missing) {
      out.reject(
        r.rowNumber,
        'failed',
        'contact_emails',
        run,
        missing,
        `No contact has the email ${shown(missing)}; import the contacts first.`,
      );
      continue;
    }
    if (!id && !r.record.name) {
      out.reject(r.rowNumber, 'failed', 'name', run, null, 'Give the deal a name.');
      continue;
    }
    try {
      await ctx.db.transaction(async (tx) => {
        const c = { ...ctx, db: tx };
        if (id) {
          const before = await getDeal(c, id);
          await updateOne(c, r, before, people, companyOf(r));
          if (earlier === undefined) updated.push({ record_id: id, action: 'updated', row_number: r.rowNumber, before: beforeOf(before) });
          if (k) external.push({ external_id: k, record_id: id });
        } else {
          const newId = await createOne(c, r, people, companyOf(r));
          created.push({ record_id: newId, action: 'created', row_number: r.rowNumber });
          if (k) external.push({ external_id: k, record_id: newId });
        }
      });
      if (id) out.updated++;
      else out.created++;
      out.written++;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      const path = ((err.details as { path?: (string | number)[] })?.path ?? []) as (string | number)[];
      const field = dealFieldOfPath(path);
      out.reject(
        r.rowNumber,
        'failed',
        field,
        run,
        field ? ((r.values[field === 'owner_email' ? 'owner_id' : field] as string | null) ?? null) : null,
        err.message,
      );
    }
  }
  await recordChanges(ctx, run.importId, 'deal', [...created, ...updated]);
  await linkExternalIds(ctx, 'deal', external);
  return out;
}

function fieldsOf(r: Row, people: Map<string, string>, companyId: string | undefined): Omit<DealInput, 'name'> & { name?: string } {
  const x = r.record;
  return {
    ...(x.name !== undefined && { name: x.name }),
    ...(x.amount !== undefined && { amount: x.amount }),
    ...(x.currency !== undefined && { currency: x.currency }),
    ...(x.closeDate !== undefined && { closeDate: x.closeDate }),
    ...(x.ownerId !== undefined && { ownerId: x.ownerId }),
    ...(companyId !== undefined && { companyId }),
    ...(x.contactEmails !== undefined && { contacts: x.contactEmails.map((e) => ({ contactId: people.get(e)! })) }),
    ...(x.source !== undefined && { source: x.source }),
    ...(x.nextStep !== undefined && { nextStep: x.nextStep }),
    ...(x.lossReason !== undefined && { lossReason: x.lossReason }),
    ...(x.tags !== undefined && { tags: x.tags }),
    ...(x.custom !== undefined && { custom: x.custom }),
  };
}

async function createOne(ctx: Ctx, r: Row, people: Map<string, string>, companyId: string | undefined) {
  const { name, ...rest } = fieldsOf(r, people, companyId);
  const stage = r.record.stage;
  const open = !stage || stage.type === 'open';
  const deal = await createDeal(ctx, {
    ...rest,
    name: name!,
    pipelineId: r.record.pipelineId,
    ...(open && stage && { stageId: stage.id }),
  });
  if (!open) await moveDeal(ctx, deal.id, { stageId: stage.id });
  return deal.id;
}

async function updateOne(ctx: Ctx, r: Row, before: DealDetail, people: Map<string, string>, companyId: string | undefined) {
  const changes = fieldsOf(r, people, companyId);
  // Import semantics: tags and contacts add to what the deal has (the API's lists replace).
  if (changes.tags) changes.tags = cleanTags([...before.tags, ...changes.tags], ['tags'])!.slice(0, 50);
  if (changes.contacts) {
    const have = new Set(before.contacts.map((c) => c.contactId));
    changes.contacts = [
      ...before.contacts.map((c) => ({ contactId: c.contactId, role: c.role as never })),
      ...changes.contacts.filter((c) => {
        if (have.has(c.contactId)) return false;
        have.add(c.contactId);
        return true;
      }),
    ];
  }
  const stage = r.record.stage;
  if (stage && stage.id !== before.stageId) await moveDeal(ctx, before.id, { ...changes, stageId: stage.id });
  else if (Object.keys(changes).length) await updateDeal(ctx, before.id, changes);
}
