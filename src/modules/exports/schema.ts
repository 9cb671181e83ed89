import { bigint, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { baseColumns, ts } from '../../kernel/db/columns.ts';

export const workspaceExportStatuses = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type WorkspaceExportStatus = (typeof workspaceExportStatuses)[number];

/** A full workspace export (zip of CSVs + manifest) made by a job; the file lives under the data dir until it expires. */
export const workspaceExports = pgTable(
  'workspace_exports',
  {
    ...baseColumns(),
    /** queued → running → completed | failed | cancelled. */
    status: text('status').$type<WorkspaceExportStatus>().notNull().default('queued'),
    /** Where the job writes the zip (the data dir of the process that asked, shared with workers). */
    filePath: text('file_path').notNull(),
    bytes: bigint('bytes', { mode: 'number' }),
    processedRows: integer('processed_rows').notNull().default(0),
    totalRows: integer('total_rows'),
    /** Rows per file, from the manifest. */
    counts: jsonb('counts').$type<Record<string, number>>(),
    error: text('error'),
    jobId: uuid('job_id'),
    createdBy: text('created_by'),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
    expiresAt: ts('expires_at').notNull(),
  },
  (t) => [index('workspace_exports_ws_idx').on(t.workspaceId, t.createdAt)],
);
