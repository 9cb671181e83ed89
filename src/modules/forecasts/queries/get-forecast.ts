import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { resolvedOwnerVisibility } from '../../identity/index.ts';
import type { Period } from '../periods.ts';
import type { OverrideCategory, OverrideSubject } from '../schema.ts';
import { workspaceInfo } from '../workspace-info.ts';
import { addFigures, type Figures, getForecastFigures, zeroFigures } from './get-forecast-figures.ts';
import { type ForecastOverride, getCurrentOverrides } from './get-overrides.ts';
import { getQuotas, quotaFor } from './get-quotas.ts';

export interface NodeOverride {
  amount: number;
  computedAmount: number;
  comment: string;
  authorName: string | null;
  createdAt: Date;
}

export interface ForecastNode {
  type: OverrideSubject | 'unassigned';
  /** User, team or workspace id; null for deals without an owner. */
  id: string | null;
  name: string;
  figures: Figures;
  /** Null when no quota is set for the period. */
  quota: number | null;
  /** `set`: its own quota; `reps`: the sum of its reps' quotas. */
  quotaSource: 'set' | 'reps' | null;
  /** closed won + commit (the commit override when one is in force). */
  forecast: number;
  /** closed won ÷ quota, in percent with one decimal. */
  attainment: number | null;
  /** quota − forecast: what is still missing (negative: the forecast is above quota). */
  gap: number | null;
  overrides: Partial<Record<OverrideCategory, NodeOverride>>;
  children: ForecastNode[];
}

export interface Forecast {
  period: string;
  start: string;
  end: string;
  pipelineId: string | null;
  currency: string;
  timeZone: string;
  tree: ForecastNode;
  unconverted: { currency: string; count: number; amount: number }[];
}

interface Person {
  id: string;
  name: string;
}
interface Membership {
  team_id: string;
  team_name: string;
  user_id: string | null;
}

function node(
  type: ForecastNode['type'],
  id: string | null,
  name: string,
  figures: Figures,
  quota: { amount: number | null; source: ForecastNode['quotaSource'] },
  overrides: Map<string, ForecastOverride>,
  children: ForecastNode[] = [],
): ForecastNode {
  const own: ForecastNode['overrides'] = {};
  for (const c of ['commit', 'best_case', 'pipeline'] as const) {
    const o = overrides.get(`${type}:${id}:${c}`);
    if (o && o.amount !== null)
      own[c] = { amount: o.amount, computedAmount: o.computedAmount, comment: o.comment, authorName: o.authorName, createdAt: o.createdAt };
  }
  const forecast = figures.closedWon + (own.commit?.amount ?? figures.commit);
  const q = quota.amount;
  return {
    type,
    id,
    name,
    figures,
    quota: q,
    quotaSource: q === null ? null : quota.source,
    forecast,
    attainment: q ? Math.round((figures.closedWon / q) * 1000) / 10 : null,
    gap: q === null ? null : q - forecast,
    overrides: own,
    children,
  };
}

/**
 * The forecast tree of a period: reps under their teams (a rep in two teams appears under both) under the
 * workspace, plus "No team" for reps in no team and deals without an owner. Team figures add up their reps;
 * the workspace adds up every deal once. Quotas: a subject's own, else (teams) the sum of its reps'; the
 * workspace's is the sum of every rep's quota, each rep once. Applies rep visibility to the deals counted.
 */
export async function getForecast(ctx: Ctx, q: { period: Period; pipelineId?: string | null }): Promise<Forecast> {
  const { timeZone, currency } = await workspaceInfo(ctx);
  const figures = await getForecastFigures(ctx, {
    period: q.period,
    timeZone,
    reportingCurrency: currency,
    pipelineId: q.pipelineId,
    visible: await resolvedOwnerVisibility(ctx, sql`d.owner_id`),
  });
  const [teamRows, quotaList, overrideList] = await Promise.all([
    rows<Membership>(
      ctx.db,
      sql`select t.id as team_id, t.name as team_name, tm.user_id from teams t
          left join team_members tm on tm.workspace_id = t.workspace_id and tm.team_id = t.id
          where t.workspace_id = ${ctx.workspaceId} order by t.name, t.id`,
    ),
    getQuotas(ctx, { from: q.period, to: q.period }),
    getCurrentOverrides(ctx, q.period.key, q.pipelineId),
  ]);
  const quotas = quotaFor(quotaList, q.period);
  const overrides = new Map(overrideList.map((o) => [`${o.subjectType}:${o.subjectId}:${o.category}`, o]));
  const userIds = new Set<string>([...figures.byOwner.keys()].filter(Boolean));
  for (const r of teamRows) if (r.user_id) userIds.add(r.user_id);
  for (const k of quotas.keys()) if (k.startsWith('user:')) userIds.add(k.slice(5));
  const people = await rows<Person>(
    ctx.db,
    sql`select u.id, u.name from users u where u.id = any(${`{${[...userIds].join(',')}}`}::uuid[]) order by u.name, u.id`,
  );
  const names = new Map(people.map((p) => [p.id, p.name]));
  const rep = (id: string) => {
    const quota = quotas.get(`user:${id}`) ?? null;
    return node(
      'user',
      id,
      names.get(id) ?? 'Former member',
      figures.byOwner.get(id) ?? zeroFigures(),
      { amount: quota, source: 'set' },
      overrides,
    );
  };
  const teams = new Map<string, { name: string; members: string[] }>();
  for (const r of teamRows) {
    const t = teams.get(r.team_id) ?? { name: r.team_name, members: [] };
    if (r.user_id) t.members.push(r.user_id);
    teams.set(r.team_id, t);
  }
  const byName = (a: string, b: string) => (names.get(a) ?? '').localeCompare(names.get(b) ?? '');
  const teamNodes = [...teams].map(([id, t]) => {
    const reps = t.members.sort(byName).map(rep);
    const sum = reps.reduce((acc, r) => addFigures(acc, r.figures), zeroFigures());
    const own = quotas.get(`team:${id}`);
    const repQuotas = reps.filter((r) => r.quota !== null);
    const quota =
      own !== undefined
        ? { amount: own, source: 'set' as const }
        : { amount: repQuotas.length ? repQuotas.reduce((a, r) => a + r.quota!, 0) : null, source: 'reps' as const };
    return node('team', id, t.name, sum, quota, overrides, reps);
  });
  const inTeam = new Set([...teams.values()].flatMap((t) => t.members));
  const loose = [...userIds]
    .filter((id) => !inTeam.has(id))
    .sort(byName)
    .map(rep);
  const unowned = figures.byOwner.get('');
  if (unowned) loose.push(node('unassigned', null, 'No owner', unowned, { amount: null, source: null }, overrides));
  const children = [...teamNodes];
  if (loose.length) {
    const sum = loose.reduce((acc, r) => addFigures(acc, r.figures), zeroFigures());
    const lq = loose.filter((r) => r.quota !== null);
    children.push(
      node(
        'unassigned',
        null,
        'No team',
        sum,
        { amount: lq.length ? lq.reduce((a, r) => a + r.quota!, 0) : null, source: 'reps' },
        overrides,
        loose,
      ),
    );
  }
  const total = [...figures.byOwner.values()].reduce(addFigures, zeroFigures());
  const repQuota = [...userIds].map((id) => quotas.get(`user:${id}`)).filter((x): x is number => x !== undefined);
  const tree = node(
    'workspace',
    ctx.workspaceId,
    'Everyone',
    total,
    { amount: repQuota.length ? repQuota.reduce((a, b) => a + b, 0) : null, source: 'reps' },
    overrides,
    children,
  );
  return {
    period: q.period.key,
    start: q.period.start,
    end: q.period.end,
    pipelineId: q.pipelineId ?? null,
    currency,
    timeZone,
    tree,
    unconverted: figures.unconverted,
  };
}
