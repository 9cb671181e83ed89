import { sql } from 'drizzle-orm';
import { systemActor } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/db/columns.ts';
import { type Database, rows } from '../../../kernel/db/index.ts';
import { createRandom } from '../../contacts/index.ts';
import { reportingRates } from '../../sales/index.ts';
import { localDate, type Period, periodOf } from '../periods.ts';
import { workspaceInfo } from '../workspace-info.ts';

interface Won {
  owner_id: string;
  closed_at: Date | string;
  amount: string;
  currency: string;
}

const months = (from: string, count: number) =>
  Array.from({ length: count }, (_, i) => {
    const y = Number(from.slice(0, 4));
    const m = Number(from.slice(5, 7)) - 1 + i;
    return `${y + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  });

/**
 * Quotas for the demo sellers over two years (the past twelve months and the next twelve), set a little
 * above each rep's average monthly wins; and a weekly forecast snapshot per rep for the past year, built
 * from the demo deals: closed won as it stood that Monday, and a forecast that starts off by up to ±30 % of
 * what the quarter finally brought in and narrows as the quarter goes on. Run after the sales demo.
 */
export async function seedForecastDemo(p: { database: Database }, workspaceId: string, opts: { now?: number } = {}) {
  const db = p.database.db;
  const now = new Date(opts.now ?? Date.now());
  const ctx = { db, workspaceId, actor: systemActor('demo') };
  const { timeZone, currency } = await workspaceInfo(ctx);
  const rand = createRandom(4_242_026);
  const sellers = await rows<{ id: string }>(
    db,
    sql`select user_id as id from memberships where workspace_id = ${workspaceId} and role in ('sales_rep', 'sales_manager') order by user_id`,
  );
  const wonRows = await rows<Won>(
    db,
    sql`select owner_id, closed_at, amount::text, currency from deals
        where workspace_id = ${workspaceId} and deleted_at is null and status = 'won' and owner_id is not null and amount is not null`,
  );
  const rates = await reportingRates(ctx, currency);
  const won = wonRows
    .map((w) => {
      const at = new Date(w.closed_at);
      return {
        owner: w.owner_id,
        day: localDate(at, timeZone),
        at,
        amount: rates.convert(Number(w.amount), w.currency, at.toISOString().slice(0, 10)) ?? 0,
      };
    })
    .filter((w) => w.amount > 0);

  // Quotas: 115 % of the rep's average monthly wins over the past year, in whole hundreds.
  const today = localDate(now, timeZone);
  const index = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1 - 12;
  const span = months(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`, 24);
  const quotaRows: Record<string, unknown>[] = [];
  for (const s of sellers) {
    const lastYear = won
      .filter((w) => w.owner === s.id && w.at.getTime() > now.getTime() - 365 * 86_400_000)
      .reduce((a, w) => a + w.amount, 0);
    const monthly = Math.max(500_000, Math.round(((lastYear / 12) * 1.15) / 10_000) * 10_000);
    for (const m of span) {
      const bump = 1 + Math.round((rand.next() - 0.4) * 10) / 100;
      quotaRows.push({
        id: newId(),
        subject_id: s.id,
        period: m,
        period_start: `${m}-01`,
        amount: Math.round((monthly * bump) / 10_000) * 10_000,
      });
    }
  }
  if (quotaRows.length)
    await db.execute(sql`insert into quotas (id, workspace_id, subject_type, subject_id, period, period_start, amount, currency)
      select x.id, ${workspaceId}, 'user', x.subject_id, x.period, x.period_start, x.amount, ${currency}
      from jsonb_to_recordset(${JSON.stringify(quotaRows)}::jsonb) as x(id uuid, subject_id uuid, period text, period_start date, amount bigint)
      on conflict (workspace_id, subject_type, subject_id, period) do nothing`);

  // Weekly snapshots: every Monday of the past year, the quarter it falls in.
  const quotaOf = new Map(quotaRows.map((q) => [`${q.subject_id}:${q.period}`, q.amount as number]));
  const snapshots: Record<string, unknown>[] = [];
  const monday = new Date(now);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  for (let w = 52; w >= 1; w--) {
    const at = new Date(monday.getTime() - w * 7 * 86_400_000 + 6 * 3_600_000);
    const takenOn = localDate(at, timeZone);
    const quarter: Period = periodOf(takenOn, 'quarter');
    const progress = Math.min(1, (Date.parse(takenOn) - Date.parse(quarter.start)) / (Date.parse(quarter.end) - Date.parse(quarter.start)));
    for (const s of sellers) {
      const inQuarter = won.filter((x) => x.owner === s.id && x.day >= quarter.start && x.day < quarter.end);
      const finalWon = inQuarter.reduce((a, x) => a + x.amount, 0);
      const closedWon = inQuarter.filter((x) => x.at < at).reduce((a, x) => a + x.amount, 0);
      const error = (rand.next() - 0.5) * 0.6 * (1 - progress);
      const forecast = Math.max(closedWon, Math.round(finalWon * (1 + error)));
      const commit = forecast - closedWon;
      const quota = quarter.months.reduce((a, m) => a + (quotaOf.get(`${s.id}:${m}`) ?? 0), 0);
      snapshots.push({
        id: newId(),
        taken_on: takenOn,
        period: quarter.key,
        owner_id: s.id,
        closed_won: closedWon,
        commit,
        best_case: Math.round(commit * 0.4 + finalWon * 0.15),
        pipeline: Math.round(commit * 0.8 + finalWon * 0.3),
        weighted: Math.round(commit * 0.7),
        quota: quota || null,
        forecast,
      });
    }
  }
  for (let i = 0; i < snapshots.length; i += 1000)
    await db.execute(sql`insert into forecast_snapshots (id, workspace_id, taken_on, period, owner_id, closed_won, commit, best_case, pipeline,
        weighted, quota, forecast, currency)
      select x.id, ${workspaceId}, x.taken_on, x.period, x.owner_id, x.closed_won, x.commit, x.best_case, x.pipeline, x.weighted, x.quota, x.forecast, ${currency}
      from jsonb_to_recordset(${JSON.stringify(snapshots.slice(i, i + 1000))}::jsonb) as x(id uuid, taken_on date, period text, owner_id uuid,
        closed_won bigint, commit bigint, best_case bigint, pipeline bigint, weighted bigint, quota bigint, forecast bigint)
      on conflict (workspace_id, period, owner_id, taken_on) do nothing`);
  return { quotas: quotaRows.length, snapshots: snapshots.length };
}
