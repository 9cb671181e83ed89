import { z } from 'zod';
import { attributionModels } from '../attribution-models.ts';
import { campaignChannels, campaignStatuses, touchpointKinds } from '../schema.ts';

const short = (max: number) => z.string().max(max);
export const idParams = z.object({ id: z.uuid() });
export const childParams = z.object({ id: z.uuid(), childId: z.uuid() });
export const okSchema = z.object({ ok: z.literal(true) });
const day = z.iso.date().describe('YYYY-MM-DD');
const currency = short(10).describe('ISO 4217 code, e.g. EUR; unknown codes are 400 unknown_currency');
const count = z.int().min(0).max(1_000_000_000);

export const goalsSchema = z
  .strictObject({
    leads: count.optional(),
    mqls: count.optional(),
    sqls: count.optional(),
    customers: count.optional(),
    revenue: z.int().min(0).optional().describe('Minor units of the reporting (workspace) currency'),
  })
  .describe('Targets; each optional');

export const campaignBody = z.strictObject({
  name: short(200),
  slug: short(100).optional().describe('utm_campaign value: lower-case letters, digits and dashes; made from the name when left out'),
  channel: z.enum(campaignChannels).describe(campaignChannels.join(', ')),
  status: z
    .enum(campaignStatuses)
    .optional()
    .describe(`${campaignStatuses.join(', ')}; planned by default`),
  ownerId: z.uuid().nullable().optional().describe('A member; the caller when left out'),
  description: short(5000).nullable().optional(),
  startDate: day.nullable().optional(),
  endDate: day.nullable().optional(),
  budgetAmount: z.int().min(0).nullable().optional().describe('Minor units of budgetCurrency (12.50 EUR = 1250)'),
  budgetCurrency: currency.optional().describe('Defaults to the workspace currency'),
  goals: goalsSchema.optional(),
});
export type CampaignBody = z.infer<typeof campaignBody>;
export const updateCampaignBody = campaignBody.partial();
export type CampaignChanges = z.infer<typeof updateCampaignBody>;

export const campaignSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  channel: z.enum(campaignChannels),
  status: z.enum(campaignStatuses),
  ownerId: z.uuid().nullable(),
  ownerName: z.string().nullable(),
  description: z.string().nullable(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  budgetAmount: z.number().nullable(),
  budgetCurrency: z.string(),
  goals: goalsSchema,
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const spendBody = z.strictObject({
  spentOn: day.describe('The day the money was spent (its exchange rate converts it)'),
  amount: z.int().min(1).describe('Minor units of currency; positive'),
  currency: currency.optional().describe('Defaults to the campaign’s budget currency'),
  note: short(500).nullable().optional(),
});
export type SpendBody = z.infer<typeof spendBody>;
export const updateSpendBody = spendBody.partial();
export const spendSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  spentOn: z.string(),
  amount: z.number(),
  currency: z.string(),
  note: z.string().nullable(),
  /** In the reporting currency at the day's rate; null when no rate is known for that day. */
  converted: z.number().nullable(),
});

export const linkBody = z.strictObject({
  baseUrl: short(2000).describe('The page the link opens, http(s)://…'),
  source: short(100).describe('utm_source, e.g. google, newsletter, linkedin'),
  medium: short(100).describe('utm_medium, e.g. cpc, email, social'),
  content: short(100).nullable().optional().describe('utm_content: tells apart links in one message or ad'),
  term: short(100).nullable().optional().describe('utm_term: the paid keyword'),
});
export type LinkBody = z.infer<typeof linkBody>;
export const linkSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  baseUrl: z.string(),
  source: z.string(),
  medium: z.string(),
  content: z.string().nullable(),
  term: z.string().nullable(),
  url: z.string(),
  createdAt: z.date(),
});

export const assetBody = z.strictObject({
  assetType: short(50).describe('form, landing_page, broadcast, or a type another module registered'),
  assetId: z.uuid(),
});
export const assetParams = z.object({ id: z.uuid(), assetType: short(50), assetId: z.uuid() });
export const assetSchema = z.object({
  assetType: z.string(),
  assetId: z.uuid(),
  label: z.string().nullable(),
  url: z.string().nullable(),
  createdAt: z.date(),
});

export const touchpointBody = z.strictObject({
  contactId: z.uuid(),
  occurredAt: z.coerce.date().optional().describe('Defaults to now'),
  note: short(500).nullable().optional(),
});
export const touchpointSchema = z.object({
  id: z.uuid(),
  campaignId: z.uuid(),
  contactId: z.uuid(),
  contactName: z.string().nullable(),
  kind: z.enum(touchpointKinds),
  occurredAt: z.date(),
  note: z.string().nullable(),
});
export const touchpointQuery = z.object({
  cursor: short(200).optional().describe('nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const model = z.enum(attributionModels).default('linear').describe(attributionModels.join(', '));
export const attributionQuery = z.object({
  model,
  from: day.optional().describe('First day (in the workspace time zone) of the period; all time when left out'),
  to: day.optional().describe('Last day of the period, included'),
  groupBy: z.enum(['campaign', 'channel']).default('campaign'),
});
export const periodQuery = attributionQuery.pick({ model: true, from: true, to: true });

const nullableRatio = z.number().nullable();
export const attributionRow = z.object({
  key: z.string().describe('Campaign id or channel'),
  label: z.string(),
  channel: z.enum(campaignChannels).nullable(),
  leads: z.int(),
  mqls: z.int(),
  sqls: z.int(),
  customers: z.int(),
  touchpoints: z.int(),
  revenue: z.number().describe('Attributed revenue under the chosen model, minor units of the reporting currency'),
  revenueByModel: z.record(z.string(), z.number()),
  spend: z.number(),
  costPerLead: nullableRatio,
  roi: nullableRatio.describe('(revenue − spend) ÷ spend'),
  roiByModel: z.record(z.string(), nullableRatio),
  roiNote: z.string().nullable().describe('Why roi is null'),
});
export const attributionSchema = z.object({
  model: z.enum(attributionModels),
  currency: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  groupBy: z.enum(['campaign', 'channel']),
  rows: z.array(attributionRow),
  totals: z.object({ revenue: z.number(), spend: z.number(), wonDeals: z.int(), wonWithoutTouches: z.int() }),
  unconverted: z
    .array(z.object({ currency: z.string(), day: z.string(), what: z.enum(['deal', 'spend']) }))
    .describe('Amounts left out because no exchange rate into the reporting currency was known for their day'),
});
export type Attribution = z.infer<typeof attributionSchema>;
export type AttributionRow = z.infer<typeof attributionRow>;

export const campaignListItem = campaignSchema.extend({
  spend: z.number().describe('All spend, reporting currency'),
  budgetConverted: z.number().nullable().describe('Budget in the reporting currency at today’s rate'),
  leads: z.int(),
  revenue: z.number(),
  roi: nullableRatio,
});
export const campaignListQuery = z.object({
  model,
  status: z.enum(campaignStatuses).optional(),
  channel: z.enum(campaignChannels).optional(),
  q: short(200).optional(),
});
export const deriveResultSchema = z.object({
  events: z.int().describe('Behaviour events read'),
  touchpoints: z.int().describe('New touchpoints recorded'),
  pending: z.int().describe('Anonymous campaign events waiting for their visitor to be identified'),
});
