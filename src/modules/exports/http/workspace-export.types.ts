import { z } from 'zod';
import { workspaceExportStatuses } from '../schema.ts';

export const workspaceExportSchema = z.object({
  id: z.uuid(),
  status: z.enum(workspaceExportStatuses).describe('queued → running → completed | failed | cancelled'),
  processedRows: z.number().int().describe('Rows written so far'),
  totalRows: z.number().int().nullable().describe('Rows to write (known once the job started)'),
  bytes: z.number().int().nullable().describe('Size of the zip once completed'),
  counts: z.record(z.string(), z.number().int()).nullable().describe('Rows per file of the zip'),
  error: z.string().nullable(),
  jobId: z.uuid().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.date(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  expiresAt: z.date().describe('The file is kept until then'),
  downloadUrl: z.string().nullable().describe('Where to download the zip, once completed'),
});

export const workspaceExportParams = z.object({ id: z.string().max(100) });
