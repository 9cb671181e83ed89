import { z } from 'zod';
import { dealContactRoles, forecastCategories, stageTypes } from '../schema.ts';

const short = (max: number) => z.string().max(max);
export const idParams = z.object({ id: z.uuid() });
export const okSchema = z.object({ ok: z.literal(true) });
const day = z.iso.date().describe('YYYY-MM-DD');
const currency = short(10).describe('ISO 4217 code, e.g. EUR; unknown codes are 400 unknown_currency');

export const stageBody = z.strictObject({
  id: z.uuid().optional().describe('An existing stage to keep; leave out to add a stage'),
  name: short(100),
  probability: z.int().min(0).max(100).optional().describe('Win probability in percent; won defaults to 100, lost to 0, open to 10'),
  type: z.enum(stageTypes).optional().describe('open (default), won or lost; at most one won and one lost stage'),
  requiredFields: z
    .array(short(100))
    .max(30)
    .optional()
    .describe(
      'Deal fields that must be filled to enter: amount, close_date, owner_id, company_id, contacts, source, campaign_id, competitors, next_step, forecast_category, loss_reason, custom.<key>',
    ),
  rottingDays: z.int().min(1).max(3650).nullable().optional().describe('Overrides the pipeline’s rotting days'),
});
export const pipelineBody = z.strictObject({
  name: short(100),
  rottingDays: z
    .int()
    .min(1)
    .max(3650)
    .nullable()
    .optional()
    .describe('Open deals with no stage change or activity for this many days are marked rotting'),
  stages: z.array(stageBody).min(1).max(30).optional().describe('In board order; left out on create: Qualification … Won, Lost'),
});
export const updatePipelineBody = pipelineBody
  .partial()
  .describe('stages replaces the list: stages left out are removed (409 while they hold deals)');

export const stageSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.int(),
  probability: z.int(),
  type: z.enum(stageTypes),
  requiredFields: z.array(z.string()),
  rottingDays: z.int().nullable(),
});
export const pipelineSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.int(),
  rottingDays: z.int().nullable(),
  stages: z.array(stageSchema),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const dealContact = z.strictObject({
  contactId: z.uuid(),
  role: z.enum(dealContactRoles).nullable().optional().describe(dealContactRoles.join(', ')),
});
const dealFieldsBody = {
  name: short(200),
  amount: z.int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional().describe('Minor units (cents) of currency'),
  currency: currency.optional().describe('Defaults to the workspace currency'),
  closeDate: day.nullable().optional().describe('Expected close date'),
  ownerId: z.uuid().nullable().optional().describe('A member; defaults to the creating user'),
  companyId: z.uuid().nullable().optional(),
  contacts: z.array(dealContact).max(100).optional().describe('The people on the deal with their roles (replaces the list)'),
  source: short(200).nullable().optional(),
  campaignId: short(100).nullable().optional().describe('The campaign that sourced the deal'),
  competitors: z.array(short(100)).max(50).optional(),
  nextStep: short(1000).nullable().optional(),
  forecastCategory: z.enum(forecastCategories).optional().describe(forecastCategories.join(', ')),
  lossReason: short(500).nullable().optional(),
  lostTo: short(200).nullable().optional().describe('The competitor a lost deal went to'),
  tags: z.array(short(100)).max(200).optional(),
  custom: z.record(z.string(), z.unknown()).optional().describe('Custom field values by key (GET /api/custom-fields?entityType=deal)'),
};
export const dealBody = z.strictObject({
  ...dealFieldsBody,
  pipelineId: z.uuid().optional().describe('Defaults to the first pipeline'),
  stageId: z.uuid().optional().describe('An open stage; defaults to the pipeline’s first open stage'),
});
export const updateDealBody = z.strictObject(dealFieldsBody).partial();
export const moveDealBody = z
  .strictObject({ ...dealFieldsBody, name: short(200).optional(), stageId: z.uuid() })
  .describe('The target stage plus any fields to save with the move (e.g. what the stage requires, or lossReason/lostTo for a lost stage)');

export const dealSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  pipelineId: z.uuid(),
  stageId: z.uuid(),
  status: z.enum(stageTypes),
  amount: z.number().nullable(),
  currency: z.string(),
  closeDate: z.string().nullable(),
  ownerId: z.uuid().nullable(),
  companyId: z.uuid().nullable(),
  source: z.string().nullable(),
  campaignId: z.string().nullable(),
  competitors: z.array(z.string()),
  nextStep: z.string().nullable(),
  forecastCategory: z.enum(forecastCategories),
  lossReason: z.string().nullable(),
  lostTo: z.string().nullable(),
  tags: z.array(z.string()),
  custom: z.record(z.string(), z.unknown()),
  stageEnteredAt: z.date(),
  closedAt: z.date().nullable(),
  lastActivityAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const dealDetailSchema = dealSchema.extend({
  contacts: z.array(z.object({ contactId: z.uuid(), role: z.string().nullable(), displayName: z.string(), email: z.string().nullable() })),
  stage: z.object({ id: z.uuid(), name: z.string(), type: z.string(), probability: z.int() }),
  pipelineName: z.string(),
  rotting: z.boolean(),
  secondsInStage: z.int(),
});

export const stageHistorySchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      stageId: z.uuid(),
      stageName: z.string().nullable().describe('null when the stage was removed since'),
      pipelineId: z.uuid(),
      fromStageId: z.uuid().nullable(),
      enteredAt: z.date(),
      leftAt: z.date().nullable(),
      seconds: z.int().describe('Time in the stage (so far, for the current one)'),
      actorType: z.string(),
      actorId: z.string().nullable(),
      actorLabel: z.string().nullable(),
    }),
  ),
  salesCycleSeconds: z.int().describe('Created → closed, or so far while open'),
  closed: z.boolean(),
});

export const cardSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  stageId: z.uuid(),
  amount: z.number().nullable(),
  currency: z.string(),
  closeDate: z.string().nullable(),
  ownerId: z.uuid().nullable(),
  companyId: z.uuid().nullable(),
  companyName: z.string().nullable(),
  nextStep: z.string().nullable(),
  forecastCategory: z.string(),
  tags: z.array(z.string()),
  stageEnteredAt: z.date(),
  lastActivityAt: z.date().nullable(),
  rotting: z.boolean().describe('Open, and no stage change or activity for longer than the rotting days'),
});
const money = z.number().describe('Minor units of the reporting currency');
export const boardSchema = z.object({
  pipeline: pipelineSchema,
  reportingCurrency: z.string().describe('The workspace currency; open deals convert at today’s rate, closed ones at their close day’s'),
  columns: z.array(
    z.object({
      stage: stageSchema,
      count: z.int(),
      amount: money,
      weightedAmount: money.describe('amount × stage probability / 100'),
      unconverted: z
        .array(z.object({ currency: z.string(), count: z.int(), amount: z.number() }))
        .describe('Deals whose currency has no rate into the reporting currency: counted, not summed'),
      cards: z.array(cardSchema),
      nextCursor: z.string().nullable().describe('GET …/board/columns/:stageId?cursor= for more cards'),
    }),
  ),
  open: z.object({ count: z.int(), amount: money, weightedAmount: money }),
});
export const boardQuery = z.strictObject({
  filter: z.string().max(20_000).optional().describe('A deal filter AST as JSON (docs/filters.md)'),
  sort: z.string().max(500).optional().describe('Card order within a column, e.g. "-amount"; default newest in stage first'),
  limit: z.coerce.number().int().min(1).max(200).default(20).describe('Cards per column'),
  cursor: z.string().max(2000).optional(),
});
export const columnParams = z.object({ id: z.uuid(), stageId: z.uuid() });
export const cardPageSchema = z.object({ cards: z.array(cardSchema), nextCursor: z.string().nullable() });

export const rateBody = z.strictObject({
  currency,
  quote: currency.optional().describe('Defaults to the workspace currency'),
  rate: z.number().positive().describe('1 currency = rate quote'),
  validFrom: day.describe('The rate holds from this day until the pair’s next rate'),
});
export const rateSchema = z.object({ id: z.uuid(), currency: z.string(), quote: z.string(), rate: z.number(), validFrom: z.string() });
