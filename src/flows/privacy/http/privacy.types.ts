import { z } from 'zod';

export const idParams = z.object({ id: z.uuid('must be a UUID') });

const list = z.array(z.record(z.string(), z.unknown()));
export const contactExportSchema = z
  .object({
    exportedAt: z.date(),
    contact: z.record(z.string(), z.unknown()).describe('The contact record (deletedAt set when it is soft-deleted)'),
    mergedIds: z.array(z.uuid()).describe('Ids of contacts merged into this one'),
    emails: list,
    phones: list,
    companies: list,
    lifecycleHistory: list,
    consentHistory: list,
    activities: list,
    tasks: list,
    auditEntries: list.describe('Audit log entries about the contact, under its id and merged ids'),
    timeline: z.array(z.unknown()).describe('The record timeline, newest first (at most 1,000 entries)'),
  })
  .describe('Everything Tandem holds about one contact');

export const eraseResponse = z.object({
  id: z.uuid().describe('The erased contact (the survivor, when a merged-away id was given)'),
  suppressedEmails: z.int().describe('Emails now on the suppression list (hashed)'),
});
