import { z } from 'zod';
import { customEntityTypes } from '../field-rules.ts';
import { customFieldTypes } from '../schema.ts';

export const entityTypeSchema = z.enum(customEntityTypes).describe('contact, company or deal');
const choice = z.strictObject({ value: z.string().trim().min(1).max(100), label: z.string().trim().min(1).max(200) });

export const customFieldSchema = z.object({
  id: z.uuid(),
  entityType: entityTypeSchema,
  key: z.string().describe('snake_case key in the record’s `custom` object'),
  label: z.string(),
  type: z.enum(customFieldTypes),
  choices: z.array(z.object({ value: z.string(), label: z.string() })),
  currency: z.string().nullable().describe('ISO 4217 currency of a money field (values are minor units)'),
  description: z.string(),
  required: z.boolean(),
  unique: z.boolean(),
  indexed: z.boolean(),
  position: z.number().int(),
  archived: z.boolean(),
  archivedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const listCustomFieldsQuery = z.strictObject({
  entityType: entityTypeSchema.optional().describe('Only the fields of this entity type'),
  includeArchived: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe('Include archived fields'),
});

const editable = {
  label: z.string().trim().min(1).max(120).describe('What people see'),
  description: z.string().max(1000).optional(),
  choices: z.array(choice).min(1).max(500).optional().describe('select / multi_select: the allowed values'),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO 4217 code such as EUR')
    .optional()
    .describe('money: the currency (default: the workspace’s)'),
  required: z.boolean().optional().describe('New records must have a value'),
  unique: z.boolean().optional().describe('No two records may share a value'),
  indexed: z.boolean().optional().describe('Keep an index so filtering and sorting by this field stay fast on large tables'),
  position: z.number().int().min(0).max(10_000).optional().describe('Order in forms and columns'),
};

export const createCustomFieldBody = z.strictObject({
  entityType: entityTypeSchema,
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be snake_case: a lower-case letter, then letters, digits or _ (at most 40)'),
  type: z
    .enum(customFieldTypes)
    .describe('text, long_text, number, money, date, datetime, boolean, select, multi_select, url, email or phone'),
  ...editable,
});

export const updateCustomFieldBody = z.strictObject({
  ...editable,
  label: editable.label.optional(),
  archived: z.boolean().optional().describe('true archives the field, false restores it'),
});

export const idParams = z.object({ id: z.uuid('must be a UUID') });
