import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { rows } from '../../kernel/db/index.ts';
import { appendLifecycle, type LifecycleStage } from '../contacts/index.ts';
import { fromEntity } from './bulk-selection.ts';
import type { EntitySpec } from './entities.ts';
import type { bulkOperations } from './schema.ts';

export type OperationRow = typeof bulkOperations.$inferSelect;

/** A selected record, with the columns actions change (timestamps as exact ISO text). */
export interface BatchRow {
  id: string;
  owner_id: string | null;
  tags: string[];
  lifecycle_stage?: LifecycleStage | null;
  lifecycle_changed_at?: string | null;
}

export interface BatchOutcome {
  /** Records the action changed, with their values before (what undo restores). */
  items: { recordId: string; before: Record<string, unknown> }[];
  /** Records left as they were, by reason (e.g. too_many_tags). */
  skipped: Record<string, number>;
}

const maxTags = 50;
export const isoText = (col: SQL) => sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Locks the selected records after `cursor` in id order (all of them when `limit` is null). */
export async function lockBatch(ctx: Ctx, spec: EntitySpec, cond: SQL, cursor: string | null, limit: number | null): Promise<BatchRow[]> {
  const a = sql.raw(spec.alias);
  const lifecycle =
    spec.type === 'contact' ? sql`, ${a}.lifecycle_stage, ${isoText(sql`${a}.lifecycle_changed_at`)} as lifecycle_changed_at` : sql``;
  return rows<BatchRow>(
    ctx.db,
    sql`select ${a}.id, ${a}.owner_id, ${a}.tags ${lifecycle} from ${fromEntity(spec)}
        where ${cond} ${cursor ? sql`and ${a}.id > ${cursor}` : sql``}
        order by ${a}.id ${limit ? sql`limit ${limit}` : sql``} for update of ${a}`,
  );
}

/** Sets columns of many records at once from per-record values (`columns` declares v's columns, id first). */
export async function setFromValues(ctx: Ctx, spec: EntitySpec, values: Record<string, unknown>[], columns: string, set: SQL) {
  if (!values.length) return [];
  return rows<{ id: string }>(
    ctx.db,
    sql`update ${sql.raw(spec.table)} a set ${set}, updated_at = now()
        from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(${sql.raw(columns)})
        where a.workspace_id = ${ctx.workspaceId} and a.id = v.id returning a.id`,
  );
}

const lower = (tags: readonly string[]) => new Set(tags.map((t) => t.toLowerCase()));
/** Adds the tags a record lacks (case-insensitively, like cleanTags), after its own. */
export const addTags = (have: string[], add: string[]) => [...have, ...add.filter((t) => !lower(have).has(t.toLowerCase()))];
/** Removes the given tags in any letter case. */
export const removeTags = (have: string[], remove: string[]) => have.filter((t) => !lower(remove).has(t.toLowerCase()));

/** Applies the operation's action to one locked batch; records already as asked are not counted as changed. */
export async function applyAction(ctx: Ctx, spec: EntitySpec, op: OperationRow, batch: BatchRow[]): Promise<BatchOutcome> {
  const p = op.params as { ownerId?: string | null; tags?: string[]; stage?: LifecycleStage };
  const idsOf = (list: { id: string }[]) => sql`${sql.param(list.map((r) => r.id))}::uuid[]`;
  const table = sql.raw(spec.table);
  switch (op.action) {
    case 'change_owner': {
      const ownerId = p.ownerId ?? null;
      const changed = batch.filter((r) => r.owner_id !== ownerId);
      if (changed.length)
        await ctx.db.execute(
          sql`update ${table} set owner_id = ${ownerId}, updated_at = now() where workspace_id = ${ctx.workspaceId} and id = any(${idsOf(changed)})`,
        );
      return { items: changed.map((r) => ({ recordId: r.id, before: { ownerId: r.owner_id } })), skipped: {} };
    }
    case 'add_tags':
    case 'remove_tags': {
      const next = batch.map((r) => ({ r, tags: op.action === 'add_tags' ? addTags(r.tags, p.tags!) : removeTags(r.tags, p.tags!) }));
      const tooMany = next.filter((n) => n.tags.length > maxTags).length;
      const changed = next.filter((n) => n.tags.length <= maxTags && n.tags.length !== n.r.tags.length);
      await setFromValues(
        ctx,
        spec,
        changed.map((n) => ({ id: n.r.id, tags: n.tags })),
        'id uuid, tags text[]',
        sql`tags = v.tags`,
      );
      return {
        items: changed.map((n) => ({ recordId: n.r.id, before: { tags: n.r.tags } })),
        skipped: tooMany ? { too_many_tags: tooMany } : {},
      };
    }
    case 'set_lifecycle': {
      const stage = p.stage!;
      const changed = batch.filter((r) => r.lifecycle_stage !== stage);
      const now = new Date();
      if (changed.length)
        await ctx.db.execute(
          sql`update contacts set lifecycle_stage = ${stage}, lifecycle_changed_at = ${now.toISOString()}::timestamptz, updated_at = now()
              where workspace_id = ${ctx.workspaceId} and id = any(${idsOf(changed)})`,
        );
      // The same history rows a single update writes (contacts' own appendLifecycle), one per changed contact.
      for (const r of changed) await appendLifecycle(ctx, r.id, r.lifecycle_stage ?? null, stage, undefined, now);
      return {
        items: changed.map((r) => ({
          recordId: r.id,
          before: { lifecycleStage: r.lifecycle_stage ?? null, lifecycleChangedAt: r.lifecycle_changed_at ?? null },
        })),
        skipped: {},
      };
    }
    case 'delete': {
      const emails = new Map<string, { email: string; isPrimary: boolean }[]>();
      if (spec.type === 'contact' && batch.length) {
        const held = await rows<{ contact_id: string; email: string; is_primary: boolean }>(
          ctx.db,
          sql`select contact_id, email, is_primary from contact_emails where workspace_id = ${ctx.workspaceId} and contact_id = any(${idsOf(batch)})
              order by is_primary desc, created_at, email`,
        );
        for (const h of held) emails.set(h.contact_id, [...(emails.get(h.contact_id) ?? []), { email: h.email, isPrimary: h.is_primary }]);
      }
      if (batch.length)
        await ctx.db.execute(
          sql`update ${table} set deleted_at = now(), updated_at = now() where workspace_id = ${ctx.workspaceId} and id = any(${idsOf(batch)})`,
        );
      return {
        items: batch.map((r) => ({
          recordId: r.id,
          before: { deletedAt: null, ...(spec.type === 'contact' && { emails: emails.get(r.id) ?? [] }) },
        })),
        skipped: {},
      };
    }
    default:
      throw new Error(`Unknown bulk action ${op.action}`);
  }
}
