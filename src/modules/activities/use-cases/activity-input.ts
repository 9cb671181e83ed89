import { z } from 'zod';
import type { activities } from '../schema.ts';
import { isoTime } from './parse-input.ts';

/** Records an activity or task can be on. Modules add existence checks for more (see record-links.ts). */
export const entityTypes = ['contact', 'company', 'deal'] as const;
export type EntityType = (typeof entityTypes)[number];
export const callOutcomes = ['connected', 'left_voicemail', 'no_answer', 'busy', 'wrong_number'] as const;
export const directions = ['inbound', 'outbound'] as const;

export const entityTypeSchema = z.enum(entityTypes).describe('contact, company or deal');
export const linkSchema = z.strictObject({
  entityType: entityTypeSchema,
  entityId: z.uuid('must be a UUID').describe('Id of the contact, company or deal'),
});
export type RecordLink = z.infer<typeof linkSchema>;

const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' })
  .max(2000)
  .describe('Absolute http(s) URL');
const email = z.email('must be an email address').max(254);
const direction = z.enum(directions).describe('inbound or outbound');

const common = {
  subject: z.string().trim().max(500).optional().describe('Title of the activity (the email subject for emails)'),
  body: z.string().max(100_000).optional().describe('Free text: the note, call notes, meeting notes or email body'),
  occurredAt: isoTime().optional().describe('When it happened (default: now; for meetings, startsAt)'),
  links: z
    .array(linkSchema)
    .min(1, 'link the activity to at least one record')
    .max(25, 'link at most 25 records')
    .describe('The records this activity is on'),
};

export const noteInput = z.strictObject({
  type: z.literal('note'),
  ...common,
  body: z.string().trim().min(1, 'write the note').max(100_000).describe('The note'),
});

export const callInput = z.strictObject({
  type: z.literal('call'),
  ...common,
  direction,
  durationSeconds: z.number().int().min(0, 'must be 0 or more').max(86_400).optional().describe('Length of the call in seconds'),
  outcome: z.enum(callOutcomes).optional().describe('connected, left_voicemail, no_answer, busy or wrong_number'),
  recordingUrl: httpUrl.optional(),
  transcriptUrl: httpUrl.optional(),
});

export const meetingInput = z
  .strictObject({
    type: z.literal('meeting'),
    ...common,
    subject: z.string().trim().min(1, 'give the meeting a title').max(500),
    startsAt: isoTime().describe('Start time'),
    endsAt: isoTime().describe('End time, after startsAt'),
    attendees: z
      .array(z.strictObject({ email, name: z.string().trim().max(200).optional() }))
      .max(200)
      .default([])
      .describe('Who attended'),
    location: z.string().trim().max(500).optional().describe('Room, address or meeting link'),
  })
  .refine((m) => m.startsAt < m.endsAt, { message: 'must be after startsAt', path: ['endsAt'] });

export const emailInput = z.strictObject({
  type: z.literal('email'),
  ...common,
  direction,
  from: email.describe('Sender address'),
  to: z.array(email).min(1, 'name at least one recipient').max(100),
  cc: z.array(email).max(100).default([]),
});

/** A new activity: one shape per type, told apart by `type`. */
export const activityInput = z.discriminatedUnion('type', [noteInput, callInput, meetingInput, emailInput]);
export type ActivityInput = z.input<typeof activityInput>;

/** Every type-specific field, for PATCH bodies (each type accepts only its own; null clears an optional one). */
export const updateActivityInput = z.strictObject({
  subject: common.subject,
  body: common.body,
  occurredAt: common.occurredAt,
  links: common.links.optional().describe('Replaces the records this activity is on'),
  direction: direction.optional(),
  durationSeconds: z.number().int().min(0, 'must be 0 or more').max(86_400).nullable().optional(),
  outcome: z.enum(callOutcomes).nullable().optional(),
  recordingUrl: httpUrl.nullable().optional(),
  transcriptUrl: httpUrl.nullable().optional(),
  startsAt: isoTime().optional(),
  endsAt: isoTime().optional(),
  attendees: z
    .array(z.strictObject({ email, name: z.string().trim().max(200).optional() }))
    .max(200)
    .optional(),
  location: z.string().trim().max(500).nullable().optional(),
  from: email.optional(),
  to: z.array(email).min(1).max(100).optional(),
  cc: z.array(email).max(100).optional(),
});
export type UpdateActivityInput = z.input<typeof updateActivityInput>;

type ActivityRow = typeof activities.$inferSelect;

/** An activity as the API shows it: common fields, then its type's fields, flat. */
export function toActivity(row: ActivityRow, links: RecordLink[]) {
  return {
    ...(row.details as Record<string, unknown>),
    id: row.id,
    type: row.type,
    subject: row.subject,
    body: row.body,
    occurredAt: new Date(row.occurredAt),
    links,
    ownerId: row.ownerId,
    createdBy: row.createdBy,
    createdAt: new Date(row.createdAt),
    updatedAt: new Date(row.updatedAt),
  };
}
export type Activity = ReturnType<typeof toActivity>;

/** The same links once each, in the order given. */
export function uniqueLinks(links: RecordLink[]): RecordLink[] {
  const seen = new Set<string>();
  return links.filter((l) => {
    const k = `${l.entityType}:${l.entityId}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
