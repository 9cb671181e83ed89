import { z } from 'zod';
import { overrideCategories, overrideSubjects, quotaSubjects } from '../schema.ts';

const period = z.string().max(10).describe('A month as YYYY-MM or a quarter as YYYY-Qn (workspace time zone)');
const minor = z.number().describe('Minor units of the reporting currency');

export const quotaSchema = z.object({
  id: z.uuid(),
  subjectType: z.enum(quotaSubjects),
  subjectId: z.uuid(),
  period: z.string(),
  amount: minor,
  currency: z.string(),
});
export const quotasQuery = z.object({
  from: period.optional().describe('First period (YYYY-MM or YYYY-Qn); defaults to January of this year'),
  to: period.optional().describe('Last period; defaults to December of from’s year'),
});
export const quotasResponse = z.object({ items: z.array(quotaSchema) });
export const quotaItem = z.strictObject({
  subjectType: z.enum(quotaSubjects).describe('user (a rep) or team'),
  subjectId: z.uuid(),
  period,
  amount: z.int().min(0).nullable().describe('Minor units of the reporting currency; null removes the quota'),
});
export const quotasBody = z.strictObject({ items: z.array(quotaItem).min(1).max(2000).describe('Set together, all or nothing') });
export const setQuotasResponse = z.object({ set: z.array(quotaSchema), removed: z.int() });

const figures = z.object({
  closedWon: minor,
  commit: minor,
  bestCase: minor,
  pipeline: minor,
  weighted: minor.describe('Open deals of the period × their stage probability'),
  deals: z.int(),
});
const nodeOverride = z.object({
  amount: minor,
  computedAmount: minor.describe('The computed figure when the override was made'),
  comment: z.string(),
  authorName: z.string().nullable(),
  createdAt: z.date(),
});
type Node = {
  type: 'workspace' | 'team' | 'user' | 'unassigned';
  id: string | null;
  name: string;
  figures: z.infer<typeof figures>;
  quota: number | null;
  quotaSource: 'set' | 'reps' | null;
  forecast: number;
  attainment: number | null;
  gap: number | null;
  overrides: Partial<Record<(typeof overrideCategories)[number], z.infer<typeof nodeOverride>>>;
  children: Node[];
};
export const forecastNode: z.ZodType<Node> = z.lazy(() =>
  z.object({
    type: z.enum(['workspace', 'team', 'user', 'unassigned']),
    id: z.uuid().nullable(),
    name: z.string(),
    figures,
    quota: minor.nullable(),
    quotaSource: z.enum(['set', 'reps']).nullable(),
    forecast: minor.describe('closed won + commit (the commit override when set)'),
    attainment: z.number().nullable().describe('closed won ÷ quota, percent'),
    gap: minor.nullable().describe('quota − forecast'),
    overrides: z.object({ commit: nodeOverride.optional(), best_case: nodeOverride.optional(), pipeline: nodeOverride.optional() }),
    children: z.array(forecastNode),
  }),
);
const unconverted = z.array(z.object({ currency: z.string(), count: z.int(), amount: z.number() }));
const currentQuarter = 'Defaults to the current quarter (workspace time zone)';
export const forecastQuery = z.object({
  period: period.optional().describe(currentQuarter),
  pipelineId: z.uuid().optional().describe('One pipeline; all pipelines when left out'),
});
export const forecastResponse = z.object({
  period: z.string(),
  start: z.string(),
  end: z.string().describe('The day after the period'),
  pipelineId: z.uuid().nullable(),
  currency: z.string(),
  timeZone: z.string(),
  tree: forecastNode,
  unconverted,
});

export const overrideBody = z.strictObject({
  period,
  pipelineId: z.uuid().nullable().optional(),
  subjectType: z.enum(overrideSubjects),
  subjectId: z.uuid().optional().describe('The rep or team; left out for the workspace'),
  category: z.enum(overrideCategories),
  amount: z.int().min(0).nullable().describe('Minor units; null clears the override'),
  comment: z.string().max(2000).describe('Why: shown beside the figure'),
});
export const overrideSchema = z.object({
  id: z.uuid(),
  period: z.string(),
  pipelineId: z.uuid().nullable(),
  subjectType: z.enum(overrideSubjects),
  subjectId: z.uuid(),
  category: z.enum(overrideCategories),
  amount: minor.nullable(),
  computedAmount: minor,
  currency: z.string(),
  comment: z.string(),
  authorId: z.uuid().nullable(),
  authorName: z.string().nullable(),
  createdAt: z.date(),
});
export const overridesQuery = z.object({
  period: period.optional().describe(currentQuarter),
  pipelineId: z.uuid().optional(),
  subjectType: z.enum(overrideSubjects).optional(),
  subjectId: z.uuid().optional(),
});
export const overridesResponse = z.object({ items: z.array(overrideSchema) });

export const accuracyQuery = z.object({ period: period.optional().describe(currentQuarter) });
export const accuracyResponse = z.object({
  period: z.string(),
  currency: z.string(),
  reps: z.array(
    z.object({
      userId: z.uuid(),
      name: z.string(),
      actual: minor.describe('Closed won in the period, now'),
      snapshots: z.array(
        z.object({ takenOn: z.string(), forecast: minor, closedWon: minor, commit: minor, quota: minor.nullable(), accuracy: z.number() }),
      ),
      averageAccuracy: z.number().nullable(),
    }),
  ),
});
export const snapshotBody = z.strictObject({ period: period.optional().describe('Defaults to the current quarter') });
export const snapshotResponse = z.object({ period: z.string(), rows: z.int() });

const day = z.iso.date().describe('YYYY-MM-DD (workspace time zone)');
export const winLossQuery = z.object({
  from: day.optional().describe('First close day; defaults to a year before to'),
  to: day.optional().describe('Last close day (inclusive); defaults to today'),
  pipelineId: z.uuid().optional(),
});
const winLossRow = z.object({
  key: z.string().nullable(),
  label: z.string(),
  won: z.int(),
  lost: z.int(),
  winRate: z.number().nullable(),
  wonAmount: minor,
  lostAmount: minor,
  averageDealSize: minor.nullable(),
  averageCycleDays: z.number().nullable(),
  averageLostCycleDays: z.number().nullable(),
});
export const winLossResponse = z.object({
  from: z.string(),
  to: z.string(),
  pipelineId: z.uuid().nullable(),
  currency: z.string(),
  total: winLossRow,
  byOwner: z.array(winLossRow),
  bySource: z.array(winLossRow),
  byCompetitor: z.array(winLossRow),
  byLossReason: z.array(winLossRow),
  unconverted: z.int(),
});
export const idParams = z.object({ id: z.uuid() });
export const okSchema = z.object({ ok: z.literal(true) });
