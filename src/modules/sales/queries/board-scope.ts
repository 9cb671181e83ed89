import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { type CompiledSort, compileFilter, compileSort, type FilterPath, type SortSpec } from '../../../kernel/filters/index.ts';
import { resolvedOwnerVisibility } from '../../identity/index.ts';
import { dealFields, dealRegistry } from './deal-fields.ts';

export interface BoardRequest {
  filter?: unknown;
  sort?: SortSpec;
  /** Cards per column. */
  limit: number;
}

export interface BoardScope {
  /** Deals of the pipeline the caller may see that match the filter (alias d). */
  where: SQL;
  sort: CompiledSort;
  reportingCurrency: string;
  pipelineId: string;
  /** No filter and no owner limit: the totals can come from deal_stage_totals instead of a scan. */
  unrestricted: boolean;
}

/** Board cards come newest in stage first unless a sort is given. */
export const defaultBoardSort: SortSpec = [{ field: 'stage_entered_at', dir: 'desc' }];

/** The compiled condition and sort every board query of one request shares. */
export async function boardScope(ctx: Ctx, pipelineId: string, req: BoardRequest, paths: { filter: FilterPath; sort: FilterPath }) {
  const [ws] = await rows<{ timezone: string; currency: string }>(
    ctx.db,
    sql`select timezone, currency from workspaces where id = ${ctx.workspaceId}`,
  );
  const noFilter = req.filter === undefined || req.filter === null;
  // The workspace registry (custom fields, company and contact predicates) costs several queries; an
  // unfiltered board sorted on built-in fields does not need it.
  const registry = noFilter && !req.sort?.some((k) => k.field.startsWith('custom.')) ? dealRegistry : await dealFields(ctx);
  const filter =
    req.filter === undefined || req.filter === null
      ? sql`true`
      : compileFilter(req.filter, registry, { path: paths.filter, timeZone: ws?.timezone ?? 'UTC' });
  const sort = compileSort(req.sort?.length ? req.sort : defaultBoardSort, registry, paths.sort);
  // The resolved form (owner = me / = any(team)) lets a rep's totals seek deals_owner_totals_idx; the one-SQL form hides
  // the owner test behind an OR and scanned the whole pipeline.
  const visible = await resolvedOwnerVisibility(ctx, sql`d.owner_id`);
  const where = sql`d.workspace_id = ${ctx.workspaceId} and d.pipeline_id = ${pipelineId} and d.deleted_at is null
    and ${visible} and (${filter})`;
  // ownerVisibility limits only reps and managers (by a workspace setting); for them the totals are scanned.
  const unrestricted = noFilter && ctx.actor.role !== 'sales_rep' && ctx.actor.role !== 'sales_manager';
  return { where, sort, reportingCurrency: ws?.currency ?? 'USD', pipelineId, unrestricted } satisfies BoardScope;
}
