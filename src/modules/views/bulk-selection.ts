import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { rows } from '../../kernel/db/index.ts';
import { compileFilter } from '../../kernel/filters/index.ts';
import { ownerVisibility } from '../identity/index.ts';
import { type EntitySpec, workspaceTimeZone } from './entities.ts';

/** Either explicit record ids or a filter over the entity's fields. */
export type Selection = { ids: string[]; filter?: undefined } | { filter: unknown; ids?: undefined };

/**
 * The condition a record must meet to be acted on, evaluated when the action runs: in the workspace,
 * not deleted, visible to the actor (reps see only what ownerVisibility allows), and in the selection.
 * Ids of other workspaces or of records the actor cannot see simply never match.
 */
export async function selectionCondition(ctx: Ctx, spec: EntitySpec, selection: Selection, path: (string | number)[]): Promise<SQL> {
  const a = sql.raw(spec.alias);
  const scope = sql`${a}.workspace_id = ${ctx.workspaceId} and ${a}.deleted_at is null and ${ownerVisibility(ctx, sql`${a}.owner_id`)}`;
  if (selection.ids) return sql`${scope} and ${a}.id = any(${sql.param(selection.ids)}::uuid[])`;
  const where = compileFilter(selection.filter, await spec.registry(ctx), {
    path: [...path, 'filter'],
    timeZone: await workspaceTimeZone(ctx),
  });
  return sql`${scope} and (${where})`;
}

/** `from <table> <alias>` for an entity. */
export const fromEntity = (spec: EntitySpec) => sql`${sql.raw(spec.table)} ${sql.raw(spec.alias)}`;

/** How many records match, counting at most `limit` + 1 (enough to choose between inline and job). */
export async function countSelected(ctx: Ctx, spec: EntitySpec, cond: SQL, limit?: number): Promise<number> {
  const inner = sql`select 1 from ${fromEntity(spec)} where ${cond} ${limit === undefined ? sql`` : sql`limit ${limit + 1}`}`;
  const [r] = await rows<{ n: number }>(ctx.db, sql`select count(*)::int as n from (${inner}) x`);
  return Number(r?.n ?? 0);
}
