import { z } from 'zod';
import { pageQuery } from '../../http/index.ts';

const datetime = z.iso.datetime({ offset: true }).describe('ISO 8601 date-time, e.g. 2025-01-31T00:00:00Z');

export const auditLogQuery = pageQuery.extend({
  action: z.string().min(1).max(100).optional().describe('Exact action (member.removed) or a prefix ending in "." or ".*" (member.)'),
  entityType: z.string().min(1).max(100).optional(),
  entityId: z.string().min(1).max(200).optional(),
  actorId: z.string().min(1).max(200).optional().describe('User id, API key id, or system label'),
  from: datetime.optional().describe('Entries at or after this time'),
  to: datetime.optional().describe('Entries before this time'),
});

export const auditEntrySchema = z.object({
  id: z.uuid(),
  at: z.date(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  actor: z.object({
    type: z.string(),
    id: z.string().nullable(),
    label: z.string().nullable().describe('Name or email of the actor at the time'),
  }),
  before: z.unknown().describe('The record before the change (secrets shown as [redacted])'),
  after: z.unknown().describe('The record after the change (secrets shown as [redacted])'),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
