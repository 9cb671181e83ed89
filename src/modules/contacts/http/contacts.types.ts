import { z } from 'zod';
import { phoneKinds } from '../contact-input.ts';
import { consentStatuses, leadStatuses, lifecycleStages } from '../schema.ts';

const short = (max: number) => z.string().max(max);
export const lifecycleStageSchema = z.enum(lifecycleStages).describe(lifecycleStages.join(', '));

export const touchSchema = z
  .strictObject({
    source: short(200).optional(),
    medium: short(200).optional(),
    campaign: short(200).optional(),
    term: short(200).optional(),
    content: short(200).optional(),
    referrer: short(2000).optional(),
    landingPage: short(2000).optional(),
    at: z.iso.datetime({ offset: true }).optional().describe('When the touch happened (ISO 8601)'),
  })
  .describe('UTM parameters and pages of a visit');

export const contactBody = z.strictObject({
  firstName: short(100).optional(),
  lastName: short(100).optional(),
  emails: z
    .array(z.strictObject({ email: short(320).describe('Normalized to lower case'), primary: z.boolean().optional() }))
    .max(20)
    .optional()
    .describe('Every email of the contact; each is unique in the workspace. The first is primary unless one says primary: true'),
  phones: z
    .array(
      z.strictObject({
        phone: short(40).describe('Stored in E.164; without "+" read in the workspace default country'),
        kind: z.enum(phoneKinds).optional(),
        primary: z.boolean().optional(),
      }),
    )
    .max(20)
    .optional(),
  title: short(200).nullable().optional(),
  ownerId: z.uuid().nullable().optional().describe('A member of the workspace; defaults to the creating user'),
  companyId: z
    .uuid()
    .nullable()
    .optional()
    .describe('The primary company; left out, a work email’s domain finds or creates it (never for free-mail)'),
  companyIds: z.array(z.uuid()).max(50).optional().describe('Other companies the contact works with'),
  tags: z.array(short(100)).max(200).optional().describe('Trimmed and de-duplicated; at most 50'),
  source: short(200).nullable().optional().describe('Where the contact came from (form, import, api, …)'),
  firstTouch: touchSchema.nullable().optional(),
  lastTouch: touchSchema.nullable().optional(),
  lifecycleStage: lifecycleStageSchema.optional().describe('Each change is kept in the lifecycle history'),
  leadStatus: z.enum(leadStatuses).nullable().optional(),
  leadStatusReason: short(500).nullable().optional().describe('Required when leadStatus is unqualified'),
  doNotContact: z.boolean().optional(),
  custom: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('Custom field values by key (see GET /api/custom-fields?entityType=contact); on update, null removes one'),
});
export const updateContactBody = contactBody;

const touchOut = z
  .object({
    source: z.string().optional(),
    medium: z.string().optional(),
    campaign: z.string().optional(),
    term: z.string().optional(),
    content: z.string().optional(),
    referrer: z.string().optional(),
    landingPage: z.string().optional(),
    at: z.string().optional(),
  })
  .nullable();
export const contactSchema = z.object({
  id: z.uuid(),
  firstName: z.string(),
  lastName: z.string(),
  displayName: z.string(),
  email: z.string().nullable().describe('The primary email'),
  phone: z.string().nullable().describe('The primary phone (E.164)'),
  title: z.string().nullable(),
  ownerId: z.uuid().nullable(),
  companyId: z.uuid().nullable(),
  lifecycleStage: z.string().nullable(),
  lifecycleChangedAt: z.date().nullable(),
  leadStatus: z.string().nullable(),
  leadStatusReason: z.string().nullable(),
  source: z.string().nullable(),
  firstTouch: touchOut,
  lastTouch: touchOut,
  emailConsent: z.string(),
  doNotContact: z.boolean(),
  tags: z.array(z.string()),
  custom: z.record(z.string(), z.unknown()),
  lastActivityAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const contactDetailSchema = contactSchema.extend({
  emails: z.array(z.object({ email: z.string(), isPrimary: z.boolean() })),
  phones: z.array(z.object({ phone: z.string(), kind: z.string(), isPrimary: z.boolean() })),
  companyIds: z.array(z.uuid()).describe('Companies besides the primary one'),
  mergedFrom: z.uuid().optional().describe('The id you asked for, when it belonged to a contact merged into this one'),
});

export const lifecycleHistorySchema = z.object({
  current: z.string().nullable(),
  items: z.array(
    z.object({
      id: z.uuid(),
      fromStage: z.string().nullable(),
      toStage: z.string(),
      changedAt: z.date(),
      actorType: z.string().describe('user, api_key, system, or rule when an automation made the change'),
      actorId: z.string().nullable(),
      rule: z.string().nullable(),
    }),
  ),
});

export const consentBody = z.strictObject({
  status: z.enum(consentStatuses).describe(consentStatuses.join(', ')),
  legalBasis: short(100).nullable().optional().describe('e.g. consent, legitimate_interest, contract'),
  source: short(200).nullable().optional().describe('Where it was given: a form, import, phone call…'),
  ip: short(64).nullable().optional().describe('Defaults to the caller’s address'),
  textVersion: short(100).nullable().optional().describe('The version of the consent wording shown'),
});
const consentEntry = z.object({
  id: z.uuid(),
  channel: z.string(),
  status: z.string(),
  legalBasis: z.string().nullable(),
  source: z.string().nullable(),
  ip: z.string().nullable(),
  textVersion: z.string().nullable(),
  recordedAt: z.date(),
  actorType: z.string(),
  actorId: z.string().nullable(),
});
export const consentSchema = z.object({ status: z.string(), doNotContact: z.boolean(), items: z.array(consentEntry) });
export const consentEntrySchema = consentEntry;

export const idParams = z.object({ id: z.uuid('must be a UUID') });
export const okSchema = z.object({ ok: z.literal(true) });
