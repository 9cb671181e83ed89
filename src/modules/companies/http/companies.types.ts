import { z } from 'zod';

const nullableText = (max: number) => z.string().max(max).nullable().optional();

export const companyBody = z.strictObject({
  name: z.string().trim().min(1).max(200).describe('The company name'),
  domain: nullableText(300).describe(
    'Website domain; a URL is accepted and normalized (https://www.acme.com/about → acme.com). Unique per workspace',
  ),
  industry: nullableText(100),
  employeeCount: z.int().min(0).max(10_000_000).nullable().optional(),
  annualRevenue: z.int().min(0).max(Number.MAX_SAFE_INTEGER).nullable().optional().describe('Minor units (cents) of annualRevenueCurrency'),
  annualRevenueCurrency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO 4217 code such as EUR')
    .nullable()
    .optional()
    .describe('Defaults to the workspace currency'),
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be a 2-letter ISO 3166 country code such as DE')
    .nullable()
    .optional(),
  region: nullableText(100),
  ownerId: z.uuid().nullable().optional().describe('A member of the workspace; defaults to the creating user'),
  parentCompanyId: z.uuid().nullable().optional().describe('The parent company (no loops)'),
  tags: z.array(z.string().max(100)).max(200).optional().describe('Trimmed and de-duplicated; at most 50'),
  custom: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('Custom field values by key (see GET /api/custom-fields?entityType=company)'),
});
export const updateCompanyBody = companyBody.partial();

export const companySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  domain: z.string().nullable(),
  industry: z.string().nullable(),
  employeeCount: z.number().nullable(),
  annualRevenue: z.number().nullable(),
  annualRevenueCurrency: z.string().nullable(),
  country: z.string().nullable(),
  region: z.string().nullable(),
  ownerId: z.uuid().nullable(),
  parentCompanyId: z.uuid().nullable(),
  tags: z.array(z.string()),
  custom: z.record(z.string(), z.unknown()),
  lastActivityAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export const companyDetailSchema = companySchema.extend({
  contactCount: z.number().int().describe('Live contacts linked to the company that you may see'),
  mergedFrom: z.uuid().optional().describe('The id you asked for, when it belonged to a company merged into this one'),
});

export const companyContactSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string().nullable(),
  title: z.string().nullable(),
  isPrimary: z.boolean().describe('This is the contact’s primary company'),
});

export const idParams = z.object({ id: z.uuid('must be a UUID') });
export const okSchema = z.object({ ok: z.literal(true) });
