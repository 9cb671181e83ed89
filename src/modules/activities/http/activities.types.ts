import { z } from 'zod';
import { pageQuery } from '../../../kernel/http/index.ts';
import { activityTypes } from '../schema.ts';
import { activityInput, callOutcomes, directions, entityTypeSchema, linkSchema, updateActivityInput } from '../use-cases/activity-input.ts';

export const activityTypeSchema = z.enum(activityTypes).describe('note, call, meeting or email');

/** POST /api/activities: one shape per `type` (note, call, meeting, email). */
export const createActivityBody = activityInput;
/** PATCH /api/activities/:id: any fields of the activity's type; null clears an optional one. */
export const updateActivityBody = updateActivityInput;

export const activitySchema = z.object({
  id: z.uuid(),
  type: z.string().describe('note, call, meeting or email'),
  subject: z.string(),
  body: z.string(),
  occurredAt: z.date(),
  links: z.array(linkSchema).describe('The records this activity is on'),
  ownerId: z.uuid().nullable(),
  createdBy: z.string().nullable().describe('User id of who logged it'),
  createdAt: z.date(),
  updatedAt: z.date(),
  direction: z.enum(directions).optional().describe('Calls and emails'),
  durationSeconds: z.number().int().optional().describe('Calls'),
  outcome: z.enum(callOutcomes).optional().describe('Calls'),
  recordingUrl: z.string().optional().describe('Calls'),
  transcriptUrl: z.string().optional().describe('Calls'),
  startsAt: z.string().optional().describe('Meetings'),
  endsAt: z.string().optional().describe('Meetings'),
  attendees: z
    .array(z.object({ email: z.string(), name: z.string().optional() }))
    .optional()
    .describe('Meetings'),
  location: z.string().optional().describe('Meetings'),
  from: z.string().optional().describe('Emails'),
  to: z.array(z.string()).optional().describe('Emails'),
  cc: z.array(z.string()).optional().describe('Emails'),
});

export const activitiesQuery = pageQuery.extend({
  entityType: entityTypeSchema.optional().describe('With entityId: only the activities on this record'),
  entityId: z.uuid('must be a UUID').optional(),
  type: activityTypeSchema.optional().describe('Only activities of this type'),
});

export const idParams = z.object({ id: z.uuid('must be a UUID') });
export const okSchema = z.object({ ok: z.literal(true) });
