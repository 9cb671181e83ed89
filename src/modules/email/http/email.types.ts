import { z } from 'zod';
import { broadcastStatuses, suppressionReasons, templateFormats } from '../schema.ts';

export const idParams = z.object({ id: z.uuid('must be a UUID') });
export const okSchema = z.object({ ok: z.literal(true) });
const email = z.email('must be an email address').max(254);
const time = z.string().describe('ISO 8601 time');

export const templateBody = z.strictObject({
  name: z.string().trim().min(1, 'give the template a name').max(200),
  format: z.enum(templateFormats).default('html').describe('mjml (compiled with MJML) or html'),
  subject: z.string().min(1, 'write a subject').max(500).describe('Liquid'),
  preheader: z.string().max(500).default(''),
  body: z.string().min(1, 'write the body').max(500_000).describe('Liquid over MJML or HTML'),
});
export type TemplateInput = z.input<typeof templateBody>;
export const updateTemplateBody = templateBody.partial();

export const versionSchema = z.object({
  id: z.uuid(),
  version: z.number().int(),
  format: z.enum(templateFormats),
  subject: z.string(),
  preheader: z.string(),
  body: z.string(),
  createdAt: time,
});
export const templateSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  currentVersion: z.number().int(),
  current: versionSchema,
  updatedAt: time,
});
export const templateListSchema = z.object({
  items: z.array(z.object({ id: z.uuid(), name: z.string(), currentVersion: z.number().int(), subject: z.string(), updatedAt: time })),
});

export const previewBody = z.strictObject({
  contactId: z.uuid().optional().describe('Render for this contact (default: sample data)'),
  format: z.enum(templateFormats).optional(),
  subject: z.string().max(500).optional(),
  preheader: z.string().max(500).optional(),
  body: z.string().max(500_000).optional().describe('Unsaved draft to preview instead of the saved version'),
});
export const previewSchema = z.object({ subject: z.string(), html: z.string(), text: z.string() });

export const transportBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  host: z.string().trim().min(1, 'give the SMTP host').max(255),
  port: z.number().int().min(1).max(65535).default(587),
  secure: z.boolean().default(false).describe('Implicit TLS (port 465)'),
  username: z.string().max(255).nullish(),
  password: z.string().max(1000).nullish().describe('Stored encrypted; never returned'),
  concurrency: z.number().int().min(1).max(50).default(5),
  perSecond: z.number().int().min(1).max(10_000).nullish(),
  hourlyCap: z.number().int().min(1).nullish(),
  dailyCap: z.number().int().min(1).nullish(),
  isDefault: z.boolean().default(false),
});
export const transportSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  host: z.string(),
  port: z.number(),
  secure: z.boolean(),
  username: z.string().nullable(),
  hasPassword: z.boolean(),
  concurrency: z.number(),
  perSecond: z.number().nullable(),
  hourlyCap: z.number().nullable(),
  dailyCap: z.number().nullable(),
  isDefault: z.boolean(),
  sentLastHour: z.number(),
  sentLastDay: z.number(),
});

export const senderBody = z.strictObject({
  fromName: z.string().trim().min(1, 'give the From name').max(200),
  fromEmail: email,
  replyTo: email.nullish(),
  postalAddress: z.string().trim().max(500).default('').describe('Shown in the footer of marketing mail (required by CAN-SPAM)'),
  transportId: z.uuid().nullish(),
  isDefault: z.boolean().default(false),
});
/** A sender change: only the fields given (no defaults, so an omitted field keeps its value). */
export const updateSenderBody = z.strictObject({
  fromName: z.string().trim().min(1, 'give the From name').max(200).optional(),
  fromEmail: email.optional(),
  replyTo: email.nullish(),
  postalAddress: z.string().trim().max(500).optional(),
  transportId: z.uuid().nullish(),
  isDefault: z.boolean().optional(),
});
export const senderSchema = z.object({
  id: z.uuid(),
  fromName: z.string(),
  fromEmail: z.string(),
  replyTo: z.string().nullable(),
  postalAddress: z.string(),
  transportId: z.string().nullable(),
  isDefault: z.boolean(),
});

export const domainBody = z.strictObject({
  domain: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(?=.{1,253}$)([a-z0-9-]{1,63}\.)+[a-z]{2,63}$/, 'must be a domain name like example.com'),
  selector: z
    .string()
    .regex(/^[a-z0-9-]{1,63}$/, 'letters, digits and dashes')
    .default('tandem'),
});
export const dnsRecord = z.object({ purpose: z.string(), type: z.string(), name: z.string(), value: z.string(), note: z.string() });
export const domainSchema = z.object({
  id: z.uuid(),
  domain: z.string(),
  selector: z.string(),
  records: z.array(dnsRecord),
  createdAt: time,
});

export const subscriptionTypeBody = z.strictObject({
  key: z.string().regex(/^[a-z0-9-]{1,40}$/, 'lower-case letters, digits and dashes'),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(1000).default(''),
});
export const subscriptionTypeSchema = z.object({ id: z.uuid(), key: z.string(), name: z.string(), description: z.string() });

export const suppressionBody = z.strictObject({ email, detail: z.string().max(500).default('') });
export const suppressionSchema = z.object({
  email: z.string(),
  reason: z.enum(suppressionReasons),
  detail: z.string(),
  contactId: z.string().nullable(),
  createdAt: time,
});
export const suppressionQuery = z.object({
  q: z.string().max(254).optional(),
  reason: z.enum(suppressionReasons).optional(),
  after: z.string().max(254).optional().describe('Cursor: the last email of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const audience = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('filter'), filter: z.unknown().describe('Contact filter (filter language)') }),
  z.strictObject({ kind: z.literal('segment'), segmentId: z.uuid() }),
  z.strictObject({ kind: z.literal('list'), listId: z.uuid() }),
]);
export const variantBody = z.strictObject({
  templateId: z.uuid(),
  subject: z.string().min(1).max(500).nullish().describe('Overrides the template subject (Liquid)'),
});
export const broadcastBody = z.strictObject({
  name: z.string().trim().min(1, 'name the broadcast').max(200),
  senderId: z.uuid(),
  subscriptionTypeId: z.uuid().nullish(),
  campaignId: z.uuid().nullish(),
  audience,
  variants: z.array(variantBody).min(1, 'add at least one variant').max(4, 'at most 4 variants (A/B/C/D)'),
  testFraction: z.number().min(0).max(1).default(0).describe('Share of the audience that gets the A/B test; the rest gets the winner'),
  winnerMetric: z.enum(['open', 'click']).default('open'),
  winnerAfterHours: z
    .number()
    .min(0)
    .max(24 * 14)
    .default(4),
});
export type BroadcastInput = z.infer<typeof broadcastBody>;
export const sendBroadcastBody = z.strictObject({ scheduledAt: z.iso.datetime({ offset: true }).nullish().describe('Later; default now') });

export const variantSchema = z.object({ id: z.uuid(), label: z.string(), subject: z.string().nullable(), templateVersionId: z.uuid() });
export const broadcastSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  status: z.enum(broadcastStatuses),
  senderId: z.uuid(),
  subscriptionTypeId: z.string().nullable(),
  campaignId: z.string().nullable(),
  audience: z.unknown(),
  testFraction: z.number(),
  winnerMetric: z.string(),
  winnerAfterHours: z.number(),
  winnerVariantId: z.string().nullable(),
  scheduledAt: time.nullable(),
  startedAt: time.nullable(),
  finishedAt: time.nullable(),
  recipientCount: z.number(),
  variants: z.array(variantSchema),
  progress: z.record(z.string(), z.number()),
  createdAt: time,
});
export const estimateSchema = z.object({ audience: z.number(), suppressed: z.number(), recipients: z.number() });

export const sendBody = z.strictObject({
  templateId: z.uuid(),
  contactId: z.uuid().optional(),
  to: email.optional().describe('An address when there is no contact'),
  senderId: z.uuid().optional().describe('Default: the workspace default sender'),
  variables: z.record(z.string(), z.unknown()).default({}).describe('Extra Liquid variables (e.g. order, reset_url)'),
});
export type SendInput = z.input<typeof sendBody>;
export const sendResultSchema = z.object({ id: z.uuid(), status: z.string(), to: z.string() });

export const resendConfirmationBody = z.strictObject({
  contactId: z.uuid(),
  sourceId: z.uuid().optional().describe('The form or list; default: the latest confirmation sent to the contact'),
});

export const messageSchema = z.object({
  id: z.uuid(),
  broadcastId: z.string().nullable(),
  contactId: z.string().nullable(),
  to: z.string(),
  subject: z.string().nullable(),
  status: z.string(),
  error: z.string().nullable(),
  attempts: z.number(),
  sentAt: time.nullable(),
  openedAt: time.nullable(),
  clickedAt: time.nullable(),
});

export const outboxItem = z.object({
  id: z.uuid(),
  messageId: z.string().nullable(),
  to: z.string(),
  subject: z.string(),
  createdAt: time,
});
export const outboxQuery = z.object({ before: z.string().optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });
export const outboxMessageSchema = z.object({
  id: z.uuid(),
  messageId: z.string().nullable(),
  from: z.string(),
  to: z.string(),
  subject: z.string(),
  date: time.nullable(),
  html: z.string().nullable().describe('The HTML part as sent; show it only in a sandboxed frame'),
  text: z.string().nullable(),
  headers: z.array(z.object({ name: z.string(), value: z.string() })).describe('Without the DKIM signature'),
  dkimSigned: z.boolean(),
  createdAt: time,
});
