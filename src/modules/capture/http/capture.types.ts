import { z } from 'zod';
import { formFieldSchema, formSettingsSchema, pageBlockSchema, slugSchema } from '../form-model.ts';

export const idParams = z.object({ id: z.uuid() });
export const okSchema = z.object({ ok: z.literal(true) });
const status = z.enum(['draft', 'published']);

export const formBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  slug: slugSchema.describe('The public address: /f/<slug>'),
  status: status.optional(),
  fields: z.array(formFieldSchema).min(1).max(50),
  settings: formSettingsSchema.partial().optional(),
});
export const updateFormBody = formBody.partial();

export const formSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  status,
  fields: z.array(z.unknown()),
  settings: z.unknown(),
  consentVersion: z.object({ id: z.uuid(), version: z.number().int(), text: z.string() }).nullable(),
  submissionCount: z.number().int(),
  spamCount: z.number().int(),
  lastSubmittedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const formListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      slug: z.string(),
      status,
      fieldCount: z.number().int(),
      submissionCount: z.number().int(),
      spamCount: z.number().int(),
      lastSubmittedAt: z.date().nullable(),
      updatedAt: z.date(),
    }),
  ),
});
export const submissionSchema = z.object({
  id: z.uuid(),
  contactId: z.uuid().nullable(),
  contactName: z.string().nullable(),
  outcome: z.string(),
  data: z.record(z.string(), z.string()),
  consentGiven: z.boolean(),
  consentVersion: z.number().int().nullable(),
  ip: z.string().nullable(),
  pageUrl: z.string().nullable(),
  referrer: z.string().nullable(),
  utm: z.record(z.string(), z.string()),
  createdAt: z.date(),
});
export const submissionsQuery = z.object({
  cursor: z.string().optional().describe('From the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const submissionsSchema = z.object({ items: z.array(submissionSchema), nextCursor: z.string().nullable() });

export const pageBody = z.strictObject({
  slug: slugSchema.describe('The public address: /p/<slug>'),
  title: z.string().trim().min(1).max(200),
  description: z.string().max(300).optional().describe('Meta description and og:description'),
  ogImage: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .optional(),
  blocks: z.array(pageBlockSchema).max(100),
});
export const updatePageBody = pageBody.partial();
export const pageSchema = z.object({
  id: z.uuid(),
  slug: z.string(),
  title: z.string(),
  description: z.string(),
  ogImage: z.string().nullable(),
  status,
  blocks: z.array(z.unknown()),
  version: z.number().int(),
  publishedAt: z.date().nullable(),
  unpublishedChanges: z.boolean(),
  viewCount: z.number().int(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const pageListSchema = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      slug: z.string(),
      title: z.string(),
      status,
      publishedAt: z.date().nullable(),
      viewCount: z.number().int(),
      updatedAt: z.date(),
    }),
  ),
});
export const publishBody = z.strictObject({ published: z.boolean() });
