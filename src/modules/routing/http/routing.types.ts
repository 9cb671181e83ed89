import { z } from 'zod';
import { filterSchema } from '../../../kernel/filters/index.ts';
import { pageOf, pageQuery } from '../../../kernel/http/index.ts';
import { loadMeasures, routingStrategies } from '../schema.ts';

export const idParams = z.object({ id: z.uuid() });
export const okSchema = z.object({ ok: z.literal(true) });

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time like 09:00 (24-hour)');
export const businessWindowSchema = z
  .strictObject({
    day: z.number().int().min(0).max(6).describe('0 = Sunday … 6 = Saturday'),
    start: hhmm.describe('Opening time, local'),
    end: hhmm.describe('Closing time, local, after start (24:00 = midnight)'),
  })
  .refine((w) => w.end > w.start, { message: 'end must be after start', path: ['end'] });

export const routingSettingsSchema = z.object({
  enabled: z.boolean().describe('Route new leads with the rules; off keeps the creator as owner'),
  fallbackOwnerId: z.uuid().nullable().describe('Owner of leads no rule matched; null leaves them unassigned'),
  slaMinutes: z.number().int().describe('First-touch target in business minutes'),
  timezone: z.string().describe('The workspace time zone business hours are read in (change it under Workspace)'),
  businessHours: z.array(businessWindowSchema),
  holidays: z.array(z.string()),
  followUpDays: z.number().int().nullable().describe('Days without activity before a follow-up task; null = off'),
  digestHour: z.number().int().describe('Local hour of the daily follow-up run and digest'),
  lastDigestDate: z.string().nullable(),
});

export const updateRoutingSettingsBody = z.strictObject({
  enabled: z.boolean().optional(),
  fallbackOwnerId: z.uuid().nullable().optional(),
  slaMinutes: z.number().int().min(1).max(10_080).optional().describe('1 minute to 1 business week (in minutes)'),
  businessHours: z.array(businessWindowSchema).max(50).optional().describe('Weekly opening windows; empty = the clock always runs'),
  holidays: z
    .array(z.iso.date({ error: 'must be a date like 2026-12-25' }))
    .max(366)
    .optional(),
  followUpDays: z.number().int().min(1).max(365).nullable().optional(),
  digestHour: z.number().int().min(0).max(23).optional(),
});

export const ruleSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.number().int(),
  active: z.boolean(),
  conditions: z.unknown().describe('A filter over contact fields (see docs/filters.md); { "and": [] } matches every lead'),
  strategy: z.enum(routingStrategies),
  teamId: z.uuid().nullable(),
  ownerId: z.uuid().nullable(),
  loadMeasure: z.enum(loadMeasures),
  assignedCount: z.number().int().describe('Leads this rule assigned'),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const ruleBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  active: z.boolean().optional(),
  conditions: filterSchema.optional().describe('A filter over contact fields; omitted = every lead'),
  strategy: z.enum(routingStrategies).describe('round_robin and least_loaded need teamId; owner needs ownerId'),
  teamId: z.uuid().nullable().optional(),
  ownerId: z.uuid().nullable().optional(),
  loadMeasure: z.enum(loadMeasures).optional().describe('least_loaded: count open leads (default) or open tasks'),
});
export const updateRuleBody = ruleBody.partial();
export type RuleInput = z.infer<typeof ruleBody>;

export const reorderBody = z.strictObject({ ids: z.array(z.uuid()).min(1).max(500).describe('Every rule id, in the new order') });

export const previewBody = z.strictObject({
  contactId: z.uuid(),
  rule: ruleBody.optional().describe('A draft rule to test; omitted = run the saved rules'),
});
export const previewSchema = z.object({
  isLead: z.boolean(),
  ownerId: z.uuid().nullable(),
  ruleId: z.uuid().nullable(),
  ruleName: z.string().nullable(),
  reason: z.enum(['rule', 'fallback', 'unassigned']),
  trace: z.array(z.object({ ruleId: z.string(), name: z.string(), matched: z.boolean(), ownerId: z.uuid().nullable() })),
});

export const queueQuery = pageQuery.extend({
  owner: z.string().optional().describe('me, unassigned, or a user id'),
  breached: z.enum(['true', 'false']).optional().describe('true: only leads past their first-touch target'),
});
export const queueItemSchema = z.object({
  contactId: z.uuid(),
  displayName: z.string(),
  email: z.string().nullable(),
  companyName: z.string().nullable(),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  ruleName: z.string().nullable(),
  reason: z.string(),
  assignedAt: z.date(),
  dueAt: z.date(),
  waitingMinutes: z.number().describe('Business minutes since assignment'),
  breached: z.boolean(),
  status: z.enum(['unassigned', 'untouched']),
});
export const queuePage = pageOf(queueItemSchema).extend({
  summary: z
    .object({ waiting: z.number().int(), breached: z.number().int(), unassigned: z.number().int() })
    .nullable()
    .describe('Counts of everything the filter matches (first page only; null on later pages)'),
});

export const responseTimesQuery = z.object({
  from: z.iso.date().optional().describe('First day (workspace time zone); default 30 days ago'),
  to: z.iso.date().optional().describe('Last day, included; default today'),
});
export const repStatsSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  assigned: z.number().int(),
  touched: z.number().int(),
  waiting: z.number().int(),
  withinSla: z.number().int(),
  breached: z.number().int(),
  pctWithinSla: z.number().nullable().describe('withinSla / (withinSla + breached); null when nothing is decided yet'),
  medianMinutes: z.number().nullable().describe('Median business minutes to first touch'),
  p90Minutes: z.number().nullable(),
});
export const responseTimesSchema = z.object({
  from: z.string(),
  to: z.string(),
  slaMinutes: z.number().int(),
  reps: z.array(repStatsSchema),
});
