import { z } from 'zod';

export const searchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe('Words of a name, an email (or part of one), a domain, or a phone number; typos are tolerated'),
  limit: z.coerce.number().int().min(1).max(50).default(10).describe('Results (1-50)'),
});

export const searchHitSchema = z.object({
  type: z.enum(['contact', 'company', 'deal']),
  id: z.uuid(),
  title: z.string().describe('Contact display name, company name or deal name'),
  subtitle: z
    .string()
    .nullable()
    .describe('The matched email or phone, else the primary email (contacts), the domain (companies) or the stage (deals)'),
  score: z.number().describe('4 exact email/domain/phone, 3 exact name, 1–2 prefix (by similarity), 0–1 fuzzy (trigram similarity)'),
});

export const searchResponse = z.object({ items: z.array(searchHitSchema) });

export const duplicatesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Pairs per page (1-200)'),
  cursor: z.string().max(2000).optional().describe('The nextCursor of the previous page'),
});

const pair = <T extends z.ZodType>(record: T, reasons: readonly [string, ...string[]]) =>
  z.object({
    reason: z.enum(reasons).describe('Why the two may be the same record'),
    score: z.number().describe('0–1: 1 for the same phone; trigram similarity for similar names'),
    ids: z.tuple([z.uuid(), z.uuid()]).describe('The two records, lower id first'),
    records: z.array(record),
  });

const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z
      .string()
      .nullable()
      .describe('Set while more blocks remain; a page may be short (its scan is bounded), keep going until null'),
  });

export const duplicateContactsResponse = page(
  pair(
    z.object({
      id: z.uuid(),
      displayName: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
      companyId: z.uuid().nullable(),
      ownerId: z.uuid().nullable(),
      createdAt: z.date(),
    }),
    ['same_phone', 'similar_name_same_company', 'same_name_email_local_part'],
  ),
);

export const duplicateCompaniesResponse = page(
  pair(z.object({ id: z.uuid(), name: z.string(), domain: z.string().nullable(), ownerId: z.uuid().nullable(), createdAt: z.date() }), [
    'same_domain_root',
    'similar_name',
  ]),
);

export const dismissBody = z.strictObject({
  entityType: z.enum(['contact', 'company']),
  ids: z.tuple([z.uuid(), z.uuid()]).describe('The pair that is not a duplicate'),
});
export const dismissResponse = z.object({ ids: z.tuple([z.uuid(), z.uuid()]) });
