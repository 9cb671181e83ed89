import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { rows } from '../../kernel/db/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { assertDomainFree } from '../companies/index.ts';
import { appendLifecycle, claimEmails, type LifecycleStage, writeEmails } from '../contacts/index.ts';
import { type OperationRow, setFromValues } from './bulk-apply.ts';
import { fromEntity } from './bulk-selection.ts';
import type { EntitySpec } from './entities.ts';

export interface UndoItem {
  record_id: string;
  before: Record<string, unknown>;
}

export interface UndoFailure {
  id: string;
  /** record_gone (purged), email_taken (another contact has one of its emails now), domain_taken (another company has its domain). */
  reason: string;
  detail?: string;
}

export interface UndoOutcome {
  restored: string[];
  failed: UndoFailure[];
}

/** Restores the previous values of one batch of an operation's records; records that cannot be restored are reported, not forced. */
export async function undoItems(ctx: Ctx, spec: EntitySpec, op: OperationRow, items: UndoItem[]): Promise<UndoOutcome> {
  if (!items.length) return { restored: [], failed: [] };
  const outcome = (restored: string[]): UndoOutcome => {
    const ok = new Set(restored);
    return { restored, failed: items.filter((i) => !ok.has(i.record_id)).map((i) => ({ id: i.record_id, reason: 'record_gone' })) };
  };
  switch (op.action) {
    case 'change_owner': {
      const values = items.map((i) => ({ id: i.record_id, owner_id: i.before.ownerId ?? null }));
      return outcome((await setFromValues(ctx, spec, values, 'id uuid, owner_id uuid', sql`owner_id = v.owner_id`)).map((r) => r.id));
    }
    case 'add_tags':
    case 'remove_tags': {
      const values = items.map((i) => ({ id: i.record_id, tags: i.before.tags ?? [] }));
      return outcome((await setFromValues(ctx, spec, values, 'id uuid, tags text[]', sql`tags = v.tags`)).map((r) => r.id));
    }
    case 'set_lifecycle':
      return outcome(await undoLifecycle(ctx, spec, items));
    case 'delete':
      return spec.type === 'contact' ? undeleteContacts(ctx, spec, items) : undeleteCompanies(ctx, spec, items);
    default:
      throw new Error(`Unknown bulk action ${op.action}`);
  }
}

/** The records' current values (`columns` over the entity's alias), locked; purged ones are absent. */
function current<T>(ctx: Ctx, spec: EntitySpec, items: UndoItem[], columns: (a: SQL) => SQL) {
  const a = sql.raw(spec.alias);
  return rows<T & { id: string }>(
    ctx.db,
    sql`select ${a}.id, ${columns(a)} from ${fromEntity(spec)}
        where ${a}.workspace_id = ${ctx.workspaceId} and ${a}.id = any(${sql.param(items.map((i) => i.record_id))}::uuid[])
        for update`,
  );
}

/** Moves each contact back to its previous stage, appending the move to the lifecycle history like any stage change. */
async function undoLifecycle(ctx: Ctx, spec: EntitySpec, items: UndoItem[]): Promise<string[]> {
  const now = new Date();
  const rowsNow = await current<{ lifecycle_stage: LifecycleStage | null }>(ctx, spec, items, (a) => sql`${a}.lifecycle_stage`);
  const byId = new Map(rowsNow.map((r) => [r.id, r]));
  const restored: string[] = [];
  for (const item of items) {
    const row = byId.get(item.record_id);
    if (!row) continue;
    const to = (item.before.lifecycleStage ?? null) as LifecycleStage | null;
    if (row.lifecycle_stage !== to) {
      // Back to "no stage" restores the old change time; history rows always name a stage, so none is added then.
      const changedAt = to ? now.toISOString() : ((item.before.lifecycleChangedAt as string | null) ?? null);
      await ctx.db.execute(
        sql`update contacts set lifecycle_stage = ${to}, lifecycle_changed_at = ${changedAt}::timestamptz, updated_at = now()
            where workspace_id = ${ctx.workspaceId} and id = ${item.record_id}`,
      );
      if (to) await appendLifecycle(ctx, item.record_id, row.lifecycle_stage, to, undefined, now);
    }
    restored.push(item.record_id);
  }
  return restored;
}

/** Clears deleted_at; a contact whose email another live contact took meanwhile stays deleted and is reported. */
async function undeleteContacts(ctx: Ctx, spec: EntitySpec, items: UndoItem[]): Promise<UndoOutcome> {
  const byId = new Map(
    (await current<{ deleted: boolean }>(ctx, spec, items, (a) => sql`${a}.deleted_at is not null as deleted`)).map((r) => [r.id, r]),
  );
  const out: UndoOutcome = { restored: [], failed: [] };
  for (const item of items) {
    const row = byId.get(item.record_id);
    if (!row) {
      out.failed.push({ id: item.record_id, reason: 'record_gone' });
      continue;
    }
    if (row.deleted) {
      const emails = (item.before.emails ?? []) as { email: string; isPrimary: boolean }[];
      try {
        await claimEmails(
          ctx,
          emails.map((e, index) => ({ email: e.email, index })),
          item.record_id,
        );
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'contact_email_taken') throw err;
        out.failed.push({ id: item.record_id, reason: 'email_taken', detail: (err.details as { email?: string }).email });
        continue;
      }
      await writeEmails(ctx, item.record_id, emails);
      await ctx.db.execute(
        sql`update contacts set deleted_at = null, updated_at = now() where workspace_id = ${ctx.workspaceId} and id = ${item.record_id}`,
      );
    }
    out.restored.push(item.record_id);
  }
  return out;
}

/** Clears deleted_at; a company whose domain another live company has now stays deleted and is reported. */
async function undeleteCompanies(ctx: Ctx, spec: EntitySpec, items: UndoItem[]): Promise<UndoOutcome> {
  const byId = new Map(
    (
      await current<{ deleted: boolean; domain: string | null }>(
        ctx,
        spec,
        items,
        (a) => sql`${a}.deleted_at is not null as deleted, ${a}.domain`,
      )
    ).map((r) => [r.id, r]),
  );
  const out: UndoOutcome = { restored: [], failed: [] };
  for (const item of items) {
    const row = byId.get(item.record_id);
    if (!row) {
      out.failed.push({ id: item.record_id, reason: 'record_gone' });
      continue;
    }
    if (row.deleted) {
      try {
        await assertDomainFree(ctx, row.domain, item.record_id, ['domain']);
      } catch (err) {
        if (!(err instanceof AppError) || err.code !== 'company_domain_taken') throw err;
        out.failed.push({ id: item.record_id, reason: 'domain_taken', detail: row.domain ?? undefined });
        continue;
      }
      await ctx.db.execute(
        sql`update companies set deleted_at = null, updated_at = now() where workspace_id = ${ctx.workspaceId} and id = ${item.record_id}`,
      );
    }
    out.restored.push(item.record_id);
  }
  return out;
}
