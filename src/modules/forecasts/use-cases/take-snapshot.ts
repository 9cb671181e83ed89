import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/db/columns.ts';
import { rows } from '../../../kernel/db/index.ts';
import { localDate, type Period } from '../periods.ts';
import { getForecastFigures } from '../queries/get-forecast-figures.ts';
import { getCurrentOverrides } from '../queries/get-overrides.ts';
import { getQuotas, quotaFor } from '../queries/get-quotas.ts';
import { workspaceInfo } from '../workspace-info.ts';

/**
 * Stores every rep's forecast of a period as it stands (all pipelines, no visibility limit): one row per rep
 * and day, replaced when taken again the same day, so a repeated job run changes nothing. Returns the rows written.
 */
export async function takeSnapshot(ctx: Ctx, period: Period, now = new Date()): Promise<number> {
  const { timeZone, currency } = await workspaceInfo(ctx);
  const takenOn = localDate(now, timeZone);
  const figures = await getForecastFigures(ctx, { period, timeZone, reportingCurrency: currency });
  const quotas = quotaFor(await getQuotas(ctx, { from: period, to: period }), period);
  const commits = new Map(
    (await getCurrentOverrides(ctx, period.key, null))
      .filter((o) => o.subjectType === 'user' && o.category === 'commit')
      .map((o) => [o.subjectId, o.amount!]),
  );
  const owners = new Set([...figures.byOwner.keys()].filter(Boolean));
  for (const k of quotas.keys()) if (k.startsWith('user:')) owners.add(k.slice(5));
  const items = [...owners].map((id) => {
    const f = figures.byOwner.get(id);
    return {
      id: newId(),
      owner_id: id,
      closed_won: f?.closedWon ?? 0,
      commit: f?.commit ?? 0,
      best_case: f?.bestCase ?? 0,
      pipeline: f?.pipeline ?? 0,
      weighted: f?.weighted ?? 0,
      quota: quotas.get(`user:${id}`) ?? null,
      forecast: (f?.closedWon ?? 0) + (commits.get(id) ?? f?.commit ?? 0),
    };
  });
  if (!items.length) return 0;
  const written = await rows(
    ctx.db,
    sql`insert into forecast_snapshots (id, workspace_id, taken_on, period, owner_id, closed_won, commit, best_case, pipeline, weighted, quota, forecast, currency)
        select x.id, ${ctx.workspaceId}, ${takenOn}::date, ${period.key}, x.owner_id, x.closed_won, x.commit, x.best_case, x.pipeline,
          x.weighted, x.quota, x.forecast, ${currency}
        from jsonb_to_recordset(${JSON.stringify(items)}::jsonb) as x(id uuid, owner_id uuid, closed_won bigint, commit bigint, best_case bigint,
          pipeline bigint, weighted bigint, quota bigint, forecast bigint)
        on conflict (workspace_id, period, owner_id, taken_on) do update set closed_won = excluded.closed_won, commit = excluded.commit,
          best_case = excluded.best_case, pipeline = excluded.pipeline, weighted = excluded.weighted, quota = excluded.quota,
          forecast = excluded.forecast, currency = excluded.currency, updated_at = now()
        returning 1`,
  );
  return written.length;
}
