import { z } from 'zod';
import { filterSchema } from '../../../kernel/filters/index.ts';
import { listMemberSources, segmentStatuses } from '../schema.ts';

const name = z.string().trim().min(1).max(200).describe('Shown in lists and pickers');
const description = z.string().max(2000).nullable().optional();
export const idParams = z.object({ id: z.uuid() });
export const okSchema = z.object({ ok: z.literal(true) });

export const definitionSchema = filterSchema.describe(
  'A filter over contacts (docs/filters.md, docs/segments.md): contact and custom fields, company {where}, in_list {list}, has_deal {role?, where}, has_event {kind?, where?, count?, within?}',
);

export const segmentBody = z.strictObject({ name, description, definition: definitionSchema });
export const updateSegmentBody = segmentBody.partial();

export const segmentSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  definition: z.unknown(),
  timeRelative: z.boolean().describe('Uses in_last/within: re-evaluated on a schedule as time passes'),
  status: z.enum(segmentStatuses).describe('building while the first or a changed definition is evaluated'),
  memberCount: z.int(),
  builtAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
  rebuildJobId: z.uuid().nullable().optional().describe('The job evaluating a new or changed definition (progress: GET /api/jobs/:id)'),
  rebuild: z
    .object({ jobId: z.uuid(), status: z.string(), done: z.int(), total: z.int() })
    .nullable()
    .optional()
    .describe('The latest evaluation over all contacts and how far it got'),
});
export const segmentListSchema = z.object({ items: z.array(segmentSchema) });

export const memberSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string().nullable(),
  lifecycleStage: z.string().nullable(),
  companyName: z.string().nullable(),
  at: z.date().nullable().describe('When the contact entered the segment or was added to the list'),
});
export const pageQuery = z.object({
  after: z.uuid().optional().describe('The last contact id of the previous page (keyset)'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const memberPageSchema = z.object({ items: z.array(memberSchema), nextAfter: z.uuid().nullable(), total: z.int() });

export const previewBody = z.strictObject({ definition: definitionSchema });
export const previewSchema = z.object({ count: z.int(), sample: z.array(memberSchema), tookMs: z.number() });

export const historyQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) });
export const historyEntrySchema = z.object({
  segmentId: z.uuid(),
  segmentName: z.string(),
  contactId: z.uuid(),
  contactName: z.string().nullable(),
  change: z.enum(['entered', 'exited']),
  at: z.date(),
});
export const historySchema = z.object({ items: z.array(historyEntrySchema) });

export const listBody = z.strictObject({
  name,
  description,
  doubleOptIn: z
    .boolean()
    .optional()
    .describe('Adds send a confirmation email; contacts join when they confirm (needs a default email sender)'),
});
export const updateListBody = listBody.partial();
export const listSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  memberCount: z.int(),
  doubleOptIn: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const listListSchema = z.object({ items: z.array(listSchema) });

export const listMembersBody = z
  .strictObject({
    contactIds: z.array(z.uuid()).min(1).max(10_000).optional().describe('Contacts by id'),
    filter: filterSchema.optional().describe('Every live contact matching a contact filter (set-based)'),
    emails: z.array(z.string().max(320)).min(1).max(100_000).optional().describe('Contacts by email address (e.g. from an uploaded CSV)'),
  })
  .describe('Exactly one of contactIds, filter or emails');
export const listMembersResultSchema = z.object({
  changed: z.int().describe('Contacts added (or removed)'),
  unmatched: z.array(z.string()).describe('Emails with no live contact (at most 100 shown)'),
  unmatchedCount: z.int(),
  memberCount: z.int(),
  confirmationsSent: z.int().optional().describe('Double opt-in lists: confirmation emails sent instead of adding'),
});
export const listMemberSourceSchema = z.enum(listMemberSources);

export const contactAudienceSchema = z.object({
  segments: z.array(z.object({ id: z.uuid(), name: z.string(), enteredAt: z.date() })),
  lists: z.array(z.object({ id: z.uuid(), name: z.string(), addedAt: z.date(), source: z.string() })),
  history: z.array(historyEntrySchema),
});
