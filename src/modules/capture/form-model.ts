import { z } from 'zod';
import { lifecycleStages } from '../contacts/index.ts';

/** Contact properties a form field can fill; `custom.<key>` fills a contact custom field. */
export const contactTargets = ['firstName', 'lastName', 'email', 'phone', 'title'] as const;
export const fieldTypes = ['text', 'email', 'phone', 'url', 'number', 'textarea', 'select', 'checkbox', 'hidden'] as const;
export const utmKeys = ['source', 'medium', 'campaign', 'term', 'content'] as const;

const key = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'must start with a letter and hold only a-z, 0-9 and _ (at most 40)')
  .refine((k) => !k.startsWith('_'), 'names starting with _ are reserved');

export const formFieldSchema = z.strictObject({
  key: key.describe('The field name posted by the form'),
  label: z.string().trim().min(1).max(200),
  type: z.enum(fieldTypes),
  mapTo: z
    .string()
    .regex(
      /^(contact\.(firstName|lastName|email|phone|title)|custom\.[a-z][a-z0-9_]*|utm\.(source|medium|campaign|term|content)|source)$/,
      {
        message: 'must be contact.firstName|lastName|email|phone|title, custom.<key>, utm.<source|medium|campaign|term|content> or source',
      },
    )
    .nullable()
    .optional()
    .describe('Where the value goes; null keeps it on the submission only'),
  placeholder: z.string().max(200).optional(),
  help: z.string().max(500).optional(),
  required: z.boolean().optional(),
  options: z.array(z.string().trim().min(1).max(200)).max(100).optional().describe('Choices of a select'),
  min: z.number().optional().describe('Number fields: smallest allowed'),
  max: z.number().optional().describe('Number fields: largest allowed'),
  maxLength: z.number().int().min(1).max(5000).optional(),
  pattern: z.string().max(300).optional().describe('A regular expression the value must match'),
  patternMessage: z.string().max(200).optional(),
  defaultValue: z.string().max(500).optional().describe('Hidden fields: the value when the page URL does not give one'),
});
export type FormField = z.infer<typeof formFieldSchema>;

export const formSettingsSchema = z.strictObject({
  submitLabel: z.string().trim().min(1).max(60).default('Submit'),
  thankYouMessage: z.string().max(2000).default('Thank you! We will be in touch.'),
  redirectUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .default(null),
  consent: z
    .strictObject({ text: z.string().trim().min(1).max(2000), required: z.boolean().default(true) })
    .nullable()
    .default(null)
    .describe('A consent checkbox; changing the text creates a new consent version'),
  notifyUserIds: z.array(z.uuid()).max(20).default([]).describe('Members told about each submission (besides the contact owner)'),
  minFillSeconds: z.number().int().min(0).max(120).default(3),
  proofOfWork: z.boolean().default(false).describe('The embed solves a small SHA-256 puzzle before posting (needs JavaScript)'),
  tags: z.array(z.string().trim().min(1).max(60)).max(20).default([]).describe('Tags added to the contact'),
  lifecycleStage: z.enum(lifecycleStages).default('lead').describe('Stage of a new contact (existing contacts keep theirs)'),
  doubleOptIn: z
    .boolean()
    .default(false)
    .describe('Consent is pending until the person clicks the link in a confirmation email (needs consent and a default sender)'),
});
export type FormSettings = z.infer<typeof formSettingsSchema>;

/** Landing page blocks; `columns` holds 2–3 columns of the other kinds. */
const leafBlock = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('heading'),
    text: z.string().max(300),
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]).default(2),
  }),
  z.strictObject({ type: z.literal('richText'), html: z.string().max(50_000) }),
  z.strictObject({ type: z.literal('image'), url: z.url({ protocol: /^https?$/ }), alt: z.string().max(300) }),
  z.strictObject({ type: z.literal('form'), formId: z.uuid() }),
  z.strictObject({
    type: z.literal('cta'),
    label: z.string().trim().min(1).max(80),
    url: z.string().regex(/^(https?:\/\/|\/|#)/, 'must start with http(s)://, / or #'),
  }),
]);
export const pageBlockSchema = z.union([
  leafBlock,
  z.strictObject({ type: z.literal('columns'), columns: z.array(z.array(leafBlock).max(20)).min(2).max(3) }),
]);
export type LeafBlock = z.infer<typeof leafBlock>;
export type PageBlock = z.infer<typeof pageBlockSchema>;

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9](?:[a-z0-9-]{0,78}[a-z0-9])?$/, 'must be lower-case letters, digits and dashes, like spring-webinar');
