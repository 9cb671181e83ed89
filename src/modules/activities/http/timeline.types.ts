import { z } from 'zod';
import { timelineTypes } from '../queries/get-timeline.ts';
import { timelineKinds } from '../queries/timeline-sources.ts';
import { entityTypeSchema } from '../use-cases/activity-input.ts';

export const timelineParams = z.object({ entityType: entityTypeSchema, entityId: z.uuid('must be a UUID') });
export const timelineQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Items per page (1-200)'),
  cursor: z.string().max(500).optional().describe('The nextCursor of the previous page'),
  types: z
    .string()
    .max(200)
    .optional()
    .describe(`Comma-separated: ${timelineTypes.join(', ')} (all when absent)`),
});
export const timelineItemSchema = z.object({
  id: z.string().describe('Unique in the timeline (activity, audit entry or stage change id; task id with :created or :completed)'),
  kind: z.enum(timelineKinds),
  at: z.date(),
  actor: z.string().describe('Who did it'),
  summary: z.string().describe('One line to show'),
  data: z.record(z.string(), z.unknown()).describe('The details, by kind'),
});
export const timelineSchema = z.object({ items: z.array(timelineItemSchema), nextCursor: z.string().nullable() });
