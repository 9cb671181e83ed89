import { z } from 'zod';

export const mergeBody = z.strictObject({
  survivorId: z.uuid().describe('The record that stays; the others merge into it'),
  mergedIds: z
    .array(z.uuid())
    .min(1)
    .max(100)
    .describe(
      '1–9 records merged into the survivor and then deleted (their ids keep resolving to it); more are refused with merge_too_many_records',
    ),
  fields: z
    .record(z.string().max(200), z.uuid())
    .optional()
    .describe(
      'Field → id of the record whose value survives, e.g. { "title": "<id>", "custom.budget": "<id>" }. Unchosen fields keep the survivor’s value, or the first merged record’s when the survivor has none',
    ),
});

export const mergeJobResponse = z.object({
  jobId: z.uuid().describe('Follow it at GET /api/duplicates/contacts/merge-exact-emails/:jobId'),
});

export const jobIdParams = z.object({ jobId: z.uuid('must be a UUID') });

export const mergeJobSchema = z.object({
  id: z.uuid(),
  status: z.string().describe('queued, running, succeeded, failed, dead or cancelled'),
  progress: z.unknown().nullable().describe('{ groups, merged, skipped } so far'),
  result: z.unknown().nullable().describe('{ groups, merged, skipped } when finished'),
  lastError: z.string().nullable(),
});
