import { z } from 'zod';
import { lifecycleStages } from '../../contacts/index.ts';
import { entityTypeSchema } from './views.types.ts';

const selection = z
  .union([
    z.strictObject({
      ids: z.array(z.uuid('must be a UUID')).min(1).max(10_000).describe('Record ids (at most 10,000); unknown ones are skipped'),
    }),
    z.strictObject({
      filter: z
        .unknown()
        .refine((v) => v !== undefined && v !== null, 'give a filter')
        .describe('A filter AST (see docs/filters.md), evaluated when the action runs'),
    }),
  ])
  .describe('Either { ids } or { filter }; only records you can see are acted on');

const tags = z.array(z.string().max(200)).min(1).max(50);
const noParams = z.strictObject({}).optional();

const variants = {
  change_owner: z.strictObject({
    selection,
    action: z.literal('change_owner'),
    params: z.strictObject({ ownerId: z.uuid('must be a UUID').nullable().describe('A member of the workspace, or null for no owner') }),
  }),
  add_tags: z.strictObject({ selection, action: z.literal('add_tags'), params: z.strictObject({ tags }) }),
  remove_tags: z.strictObject({ selection, action: z.literal('remove_tags'), params: z.strictObject({ tags }) }),
  set_lifecycle: z.strictObject({
    selection,
    action: z.literal('set_lifecycle'),
    params: z.strictObject({ stage: z.enum(lifecycleStages).describe(lifecycleStages.join(', ')) }),
  }),
  delete: z.strictObject({ selection, action: z.literal('delete'), params: noParams }),
};

export const contactBulkBody = z.discriminatedUnion('action', [
  variants.change_owner,
  variants.add_tags,
  variants.remove_tags,
  variants.set_lifecycle,
  variants.delete,
]);
export const companyBulkBody = z.discriminatedUnion('action', [
  variants.change_owner,
  variants.add_tags,
  variants.remove_tags,
  variants.delete,
]);

const failure = z.object({
  id: z.uuid(),
  reason: z.string().describe('record_gone, email_taken or domain_taken'),
  detail: z.string().optional(),
});

export const bulkOperationSchema = z.object({
  id: z.uuid(),
  entityType: entityTypeSchema,
  action: z.string(),
  params: z.record(z.string(), z.unknown()),
  selection: z.union([z.object({ idCount: z.number().int() }), z.object({ filter: z.unknown() })]),
  status: z.string().describe('pending, running, completed, cancelled, failed, undoing, undone or undo_failed'),
  done: z.number().int().describe('Records processed so far'),
  total: z.number().int().nullable().describe('Records selected when it started (the final count once completed)'),
  result: z.object({
    changed: z.number().int().describe('Records changed (those already as asked are not)'),
    skipped: z.record(z.string(), z.number().int()).describe('Records left unchanged, by reason (too_many_tags)'),
    missing: z.number().int().optional().describe('Selected ids that matched no record you can see'),
    error: z.string().optional(),
    undo: z
      .object({ total: z.number().int(), restored: z.number().int(), notRestorable: z.number().int(), failures: z.array(failure) })
      .optional(),
  }),
  undoable: z.boolean().describe('Whether POST /api/bulk/:id/undo is accepted now'),
  jobId: z.uuid().nullable().describe('The background job, when it ran as one'),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
  finishedAt: z.date().nullable(),
  undoneAt: z.date().nullable(),
  expiresAt: z.date().describe('Undo is possible until then (7 days)'),
});

export const bulkIdParams = z.object({ id: z.uuid('must be a UUID') });
