import { type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { resolvedOwnerVisibility } from '../../identity/index.ts';
import { type DateRange, parseDateRange } from '../reports/date-range.ts';
import {
  computeFunnel,
  dropOff,
  type FunnelContact,
  type FunnelOptions,
  type FunnelStage,
  type FunnelStageRow,
  funnelStages,
  reachedTimes,
} from '../reports/funnel.ts';
import { getAnalyticsBasis } from './workspace-basis.ts';

export const funnelBreakdowns = ['source', 'owner', 'team', 'campaign'] as const;
export type FunnelBreakdown = (typeof funnelBreakdowns)[number];

export interface FunnelQuery {
  from?: string;
  to?: string;
  cohort?: 'created' | 'period';
  window?: number;
  by?: FunnelBreakdown;
}

export interface Funnel {
  from: string;
  to: string;
  cohort: 'created' | 'period';
  window: number | null;
  by: FunnelBreakdown | null;
  /** Contacts created in the range (the created cohort's size, whether or not they have a stage yet). */
  created: number;
  stages: FunnelStageRow[];
  groups: { key: string | null; label: string; stages: FunnelStageRow[] }[];
}

export interface FunnelRow extends FunnelContact {
  name: string;
  label: string;
}

/** The breakdown key and label of a contact (alias c); team: the owner's first team by name; campaign: first touch. */
function groupSql(ws: string, by: FunnelBreakdown | undefined): { key: SQL; label: SQL } {
  switch (by) {
    case 'source':
      return { key: sql`nullif(c.source, '')`, label: sql`coalesce(nullif(c.source, ''), 'No source')` };
    case 'owner':
      return {
        key: sql`c.owner_id::text`,
        label: sql`coalesce((select u.name from users u where u.id = c.owner_id), 'No owner')`,
      };
    case 'team':
      return {
        key: sql`(select t.id::text from team_members m join teams t on t.workspace_id = m.workspace_id and t.id = m.team_id
          where m.workspace_id = ${ws} and m.user_id = c.owner_id order by t.name, t.id limit 1)`,
        label: sql`coalesce((select t.name from team_members m join teams t on t.workspace_id = m.workspace_id and t.id = m.team_id
          where m.workspace_id = ${ws} and m.user_id = c.owner_id order by t.name, t.id limit 1), 'No team')`,
      };
    case 'campaign':
      return {
        key: sql`(select p.campaign_id::text from campaign_touchpoints p where p.workspace_id = ${ws} and p.contact_id = c.id
          order by p.occurred_at, p.id limit 1)`,
        label: sql`coalesce((select k.name from campaign_touchpoints p join campaigns k on k.workspace_id = p.workspace_id
          and k.id = p.campaign_id where p.workspace_id = ${ws} and p.contact_id = c.id order by p.occurred_at, p.id limit 1), 'No campaign')`,
      };
    default:
      return { key: sql`null::text`, label: sql`''` };
  }
}

const stageFilter = (i: number) =>
  i === funnelStages.length - 1 ? sql`to_stage in ('customer', 'evangelist')` : sql`to_stage = ${funnelStages[i]}`;

/** Contacts the caller may see with their first entry per stage: the created cohort, or those that moved in the range. */
export async function loadFunnelContacts(ctx: Ctx, range: DateRange, o: FunnelOptions, by?: FunnelBreakdown): Promise<FunnelRow[]> {
  const ws = ctx.workspaceId;
  const start = range.start.toISOString();
  const end = range.end.toISOString();
  const visible = await resolvedOwnerVisibility(ctx, sql`c.owner_id`);
  const g = groupSql(ws, by);
  const firsts = sql.join(
    funnelStages.map((_, i) => sql`min(changed_at) filter (where ${stageFilter(i)}) as s${sql.raw(String(i))}`),
    sql`, `,
  );
  const scope =
    o.cohort === 'created'
      ? sql`c.created_at >= ${start} and c.created_at < ${end}`
      : sql`exists (select 1 from lifecycle_history x where x.workspace_id = ${ws} and x.contact_id = c.id
          and x.changed_at >= ${start} and x.changed_at < ${end})`;
  const found = await rows<Record<string, unknown>>(
    ctx.db,
    sql`select c.id, c.display_name as name, c.created_at, ${g.key} as group_key, ${g.label} as group_label, f.*
      from contacts c
      join lateral (select ${firsts} from lifecycle_history where workspace_id = ${ws} and contact_id = c.id) f on true
      where c.workspace_id = ${ws} and c.deleted_at is null and ${visible} and ${scope}`,
  );
  const ms = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).getTime());
  return found.map((r) => ({
    id: r.id as string,
    name: (r.name as string | null) ?? '',
    group: (r.group_key as string | null) ?? null,
    label: (r.group_label as string) ?? '',
    createdAt: ms(r.created_at)!,
    entered: funnelStages.map((_, i) => ms(r[`s${i}`])),
  }));
}

async function prepare(ctx: Ctx, q: FunnelQuery) {
  const basis = await getAnalyticsBasis(ctx);
  const range = parseDateRange(q, basis.timezone);
  const o: FunnelOptions = {
    cohort: q.cohort ?? 'created',
    start: range.start.getTime(),
    end: range.end.getTime(),
    windowDays: q.window ?? null,
  };
  return { range, o };
}

/** Counts, conversions and median days per lifecycle stage, overall and per breakdown group. */
export async function getFunnel(ctx: Ctx, q: FunnelQuery): Promise<Funnel> {
  const { range, o } = await prepare(ctx, q);
  const contacts = await loadFunnelContacts(ctx, range, o, q.by);
  const visible = await resolvedOwnerVisibility(ctx, sql`c.owner_id`);
  const [created] = await rows<{ n: number }>(
    ctx.db,
    sql`select count(*)::int as n from contacts c where c.workspace_id = ${ctx.workspaceId} and c.deleted_at is null
      and ${visible} and c.created_at >= ${range.start.toISOString()} and c.created_at < ${range.end.toISOString()}`,
  );
  const byGroup = new Map<string | null, FunnelRow[]>();
  if (q.by) for (const c of contacts) byGroup.set(c.group, [...(byGroup.get(c.group) ?? []), c]);
  const groups = [...byGroup.entries()]
    .map(([key, list]) => ({ key, label: list[0]!.label, stages: computeFunnel(list, o) }))
    .filter((g) => g.stages[0]!.count > 0)
    .sort((a, b) => b.stages[0]!.count - a.stages[0]!.count || a.label.localeCompare(b.label));
  return {
    from: range.from,
    to: range.to,
    cohort: o.cohort,
    window: o.windowDays,
    by: q.by ?? null,
    created: created?.n ?? 0,
    stages: computeFunnel(contacts, o),
    groups,
  };
}

export interface DropOffQuery extends FunnelQuery {
  stage: FunnelStage;
  /** Only this breakdown group ('' for the group without a key). */
  group?: string;
  offset?: number;
  limit?: number;
}

export interface DropOffPage {
  stage: FunnelStage;
  nextStage: FunnelStage;
  total: number;
  offset: number;
  items: { id: string; name: string; createdAt: string; reachedAt: string; group: string | null }[];
}

/** The contacts who reached `stage` but not the next one, longest waiting first, a page at a time. */
export async function getFunnelDropOff(ctx: Ctx, q: DropOffQuery): Promise<DropOffPage> {
  const i = funnelStages.indexOf(q.stage);
  if (i === funnelStages.length - 1)
    throw new AppError('validation_failed', 'Customer is the last stage; pick an earlier stage to see who stopped there.', {
      path: ['query', 'stage'],
    });
  const { range, o } = await prepare(ctx, q);
  let contacts = await loadFunnelContacts(ctx, range, o, q.by);
  if (q.by && q.group !== undefined) contacts = contacts.filter((c) => (c.group ?? '') === q.group);
  const stopped = dropOff(contacts, q.stage, o)
    .map((c) => ({ c, at: reachedTimes(c.entered)[i]! }))
    .sort((a, b) => a.at - b.at || a.c.id.localeCompare(b.c.id));
  const offset = q.offset ?? 0;
  const limit = q.limit ?? 50;
  return {
    stage: q.stage,
    nextStage: funnelStages[i + 1]!,
    total: stopped.length,
    offset,
    items: stopped.slice(offset, offset + limit).map(({ c, at }) => ({
      id: c.id,
      name: c.name,
      createdAt: new Date(c.createdAt).toISOString(),
      reachedAt: new Date(at).toISOString(),
      group: q.by ? c.label : null,
    })),
  };
}
