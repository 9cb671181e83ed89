import { z } from 'zod';
import { sortSchema } from '../../../kernel/filters/index.ts';
import { entityTypes } from '../entities.ts';

export const entityTypeSchema = z.enum(entityTypes).describe('contact or company');

export const viewDefinitionSchema = z.strictObject({
  filter: z.unknown().optional().describe('A filter AST over the entity’s fields (see docs/filters.md); checked like a list filter'),
  sort: sortSchema.optional(),
  columns: z
    .array(z.string().min(1).max(200))
    .max(100)
    .optional()
    .describe('Field keys to show, in order ("custom.<key>" for custom fields)'),
});

export const viewBody = z.strictObject({
  entityType: entityTypeSchema,
  name: z.string().max(200).describe('Shown in the view picker'),
  shared: z.boolean().optional().describe('true: the whole workspace sees it (only you or an admin can change it); default private'),
  definition: viewDefinitionSchema,
});

export const updateViewBody = z.strictObject({
  name: z.string().max(200).optional(),
  shared: z.boolean().optional(),
  definition: viewDefinitionSchema.optional().describe('Replaces the whole definition'),
});

export const viewSchema = z.object({
  id: z.string().describe('A UUID, or builtin:<entityType>:<key> for the built-in views'),
  entityType: entityTypeSchema,
  name: z.string(),
  ownerId: z.uuid().nullable().describe('null for built-in views'),
  shared: z.boolean(),
  builtIn: z.boolean().describe('Built-in views are computed, not stored, and cannot be changed'),
  definition: z.object({
    filter: z.unknown().optional(),
    sort: z.array(z.object({ field: z.string(), dir: z.enum(['asc', 'desc']) })).optional(),
    columns: z.array(z.string()).optional(),
  }),
  createdAt: z.date().nullable(),
  updatedAt: z.date().nullable(),
});

export const viewListQuery = z.strictObject({ entityType: entityTypeSchema.optional().describe('Only views of this record type') });
export const viewListSchema = z.object({ items: z.array(viewSchema) });
export const viewIdParams = z.object({ id: z.string().min(1).max(100).describe('A view id or builtin:<entityType>:<key>') });
export const okSchema = z.object({ ok: z.literal(true) });
