import { z } from 'zod';
import { importKeys, importModes } from '../entities/entity.ts';
import { importEntityNames } from '../entities/registry.ts';

export const entityName = z.enum(importEntityNames).describe(importEntityNames.join(', '));
export const mappingSchema = z
  .record(z.string(), z.string().nullable())
  .describe('Column name → field key (GET /api/import-fields/:entity), or null to skip the column');

export const fileSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  size: z.number().int(),
  encoding: z.string().describe('utf8, utf16le, utf16be or windows1252'),
  delimiter: z.string(),
  hasHeader: z.boolean(),
  headers: z.array(z.string()),
  sampleRows: z.array(z.array(z.string())).describe('The first 20 data rows (cells cut at 1,000 characters)'),
});
export const uploadQuery = z.object({ name: z.string().min(1).max(300).describe('The file name as the user knows it') });

export const fieldSchema = z.object({ key: z.string(), label: z.string(), type: z.string(), required: z.boolean(), custom: z.boolean() });
export const entityParams = z.object({ entity: entityName });
export const idParams = z.object({ id: z.uuid('must be a UUID') });

const rowError = z.object({
  column: z.string().nullable(),
  field: z.string().nullable(),
  value: z.string().nullable(),
  problem: z.string(),
});
export const previewBody = z.strictObject({
  entity: entityName,
  mapping: mappingSchema.optional().describe('Omitted: mapped automatically'),
  preset: z.enum(['hubspot', 'salesforce']).optional(),
});
export const previewSchema = z.object({
  mapping: mappingSchema,
  suggested: z.boolean().describe('True when the mapping was made automatically'),
  rows: z.array(z.object({ rowNumber: z.number().int(), values: z.record(z.string(), z.unknown()), errors: z.array(rowError) })),
});

export const startBody = z.strictObject({
  fileId: z.uuid(),
  entity: entityName,
  mode: z.enum(importModes).describe('create only, update only, or upsert'),
  key: z.enum(importKeys).describe('How rows find existing records: email (contacts), domain (companies) or external_id'),
  mapping: mappingSchema,
  duplicatesInFile: z
    .enum(['merge', 'report'])
    .default('merge')
    .describe('Rows with the same key: merged into one record, or reported as errors'),
  saveMappingAs: z.string().min(1).max(100).optional(),
});

export const importSchema = z.object({
  id: z.uuid(),
  entity: z.string(),
  fileName: z.string(),
  mode: z.string(),
  key: z.string(),
  status: z.string().describe('queued, running, completed, failed, cancelled, undoing, undone'),
  progress: z.object({
    processedRows: z.number().int(),
    totalRows: z.number().int().nullable(),
    bytesRead: z.number(),
    totalBytes: z.number(),
    rowsPerSecond: z.number(),
    etaSeconds: z.number().nullable(),
  }),
  counts: z.object({ created: z.number().int(), updated: z.number().int(), skipped: z.number().int(), failed: z.number().int() }),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  undoableUntil: z.date().nullable(),
  error: z.string().nullable(),
});

export const mappingViewSchema = z.object({ id: z.uuid(), name: z.string(), entity: z.string(), mapping: mappingSchema });
export const saveMappingBody = z.strictObject({ name: z.string().min(1).max(100), entity: entityName, mapping: mappingSchema });
export const mappingQuery = z.object({ entity: entityName.optional() });
