import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';

export interface AnalyticsPeriod {
  from: string;
  to: string;
  siteId?: string;
}

/**
 * Page views, sessions, top pages, sources and campaigns for a period of days in the workspace's time zone.
 * Page views come from contact_events (only the period's monthly partitions are read), sessions from web_sessions.
 */
export async function getWebAnalytics(ctx: Ctx, period: AnalyticsPeriod) {
  const ws = ctx.workspaceId;
  const [{ tz } = { tz: 'UTC' }] = await rows<{ tz: string }>(ctx.db, sql`select timezone as tz from workspaces where id = ${ws}`);
  const start = sql`(${period.from}::date::timestamp at time zone ${tz})`;
  const end = sql`((${period.to}::date + 1)::timestamp at time zone ${tz})`;
  const evSite = period.siteId ? sql`and subject_id = ${period.siteId}` : sql``;
  const sSite = period.siteId ? sql`and site_id = ${period.siteId}` : sql``;
  const views = sql`contact_events where workspace_id = ${ws} and kind = 'page_view' and occurred_at >= ${start} and occurred_at < ${end} ${evSite}`;
  const sess = sql`web_sessions where workspace_id = ${ws} and started_at >= ${start} and started_at < ${end} ${sSite}`;

  const [totals] = await rows<{ sessions: number; visitors: number; identified: number }>(
    ctx.db,
    sql`select count(*)::int as sessions, count(distinct visitor_id)::int as visitors,
        count(distinct contact_id)::int as identified from ${sess}`,
  );
  const viewDays = await rows<{ day: string; n: number }>(
    ctx.db,
    sql`select to_char(occurred_at at time zone ${tz}, 'YYYY-MM-DD') as day, count(*)::int as n from ${views} group by 1`,
  );
  const sessionDays = await rows<{ day: string; n: number }>(
    ctx.db,
    sql`select to_char(started_at at time zone ${tz}, 'YYYY-MM-DD') as day, count(*)::int as n from ${sess} group by 1`,
  );
  const topPages = await rows<{ key: string; views: number }>(
    ctx.db,
    sql`select split_part(split_part(url, '?', 1), '#', 1) as key, count(*)::int as views from ${views} and url is not null
        group by 1 order by 2 desc, 1 limit 20`,
  );
  const sources = await rows<{ key: string; sessions: number }>(
    ctx.db,
    sql`select coalesce(utm_source, referrer_host, '(direct)') as key, count(*)::int as sessions from ${sess}
        group by 1 order by 2 desc, 1 limit 20`,
  );
  const campaigns = await rows<{ source: string | null; medium: string | null; campaign: string; sessions: number }>(
    ctx.db,
    sql`select utm_source as source, utm_medium as medium, utm_campaign as campaign, count(*)::int as sessions from ${sess}
        and utm_campaign is not null group by 1, 2, 3 order by 4 desc, 3 limit 20`,
  );
  return shape(period, tz, totals, viewDays, sessionDays, { topPages, sources, campaigns });
}

function shape(
  period: AnalyticsPeriod,
  timezone: string,
  totals: { sessions: number; visitors: number; identified: number } | undefined,
  viewDays: { day: string; n: number }[],
  sessionDays: { day: string; n: number }[],
  tops: {
    topPages: { key: string; views: number }[];
    sources: { key: string; sessions: number }[];
    campaigns: { source: string | null; medium: string | null; campaign: string; sessions: number }[];
  },
) {
  const v = new Map(viewDays.map((d) => [d.day, d.n]));
  const s = new Map(sessionDays.map((d) => [d.day, d.n]));
  const days: { day: string; pageViews: number; sessions: number }[] = [];
  for (let d = new Date(`${period.from}T00:00:00Z`); d <= new Date(`${period.to}T00:00:00Z`); d = new Date(d.getTime() + 86_400_000)) {
    const day = d.toISOString().slice(0, 10);
    days.push({ day, pageViews: v.get(day) ?? 0, sessions: s.get(day) ?? 0 });
  }
  return {
    from: period.from,
    to: period.to,
    timezone,
    totals: {
      pageViews: days.reduce((a, d) => a + d.pageViews, 0),
      sessions: totals?.sessions ?? 0,
      visitors: totals?.visitors ?? 0,
      identified: totals?.identified ?? 0,
    },
    days,
    ...tops,
  };
}
