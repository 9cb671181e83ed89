import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { baseColumns, ts } from '../../kernel/db/columns.ts';

/** An uploaded file, stored under the data dir; its detected format and first rows. */
export const importFiles = pgTable(
  'import_files',
  {
    ...baseColumns(),
    name: text('name').notNull(),
    /** Absolute path of the stored copy (under the data dir's imports folder). */
    storedAs: text('stored_as').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    encoding: text('encoding').notNull(),
    delimiter: text('delimiter').notNull(),
    hasHeader: boolean('has_header').notNull().default(true),
    headers: jsonb('headers').$type<string[]>().notNull(),
    sampleRows: jsonb('sample_rows').$type<string[][]>().notNull(),
    createdBy: text('created_by'),
    /** When the stored copy was deleted (its import ended, or it expired unused): previews and new imports need a new upload. */
    removedAt: ts('removed_at'),
  },
  (t) => [index('import_files_ws_idx').on(t.workspaceId, t.id)],
);

/**
 * One import run. queued → running → completed | failed | cancelled, then undoing → undone.
 * processed_rows/bytes_read are the checkpoint: written in the same transaction as each batch.
 */
export const imports = pgTable(
  'imports',
  {
    ...baseColumns(),
    fileId: uuid('file_id').notNull(),
    fileName: text('file_name').notNull(),
    entity: text('entity').notNull(),
    mode: text('mode').notNull(),
    key: text('key').notNull(),
    mapping: jsonb('mapping').$type<Record<string, string | null>>().notNull(),
    duplicatesInFile: text('duplicates_in_file').notNull().default('merge'),
    status: text('status').notNull().default('queued'),
    processedRows: integer('processed_rows').notNull().default(0),
    /** The last file record (1-based, header included) whose batch committed: a rerun starts after it. */
    checkpointRow: integer('checkpoint_row').notNull().default(0),
    totalRows: integer('total_rows'),
    bytesRead: bigint('bytes_read', { mode: 'number' }).notNull().default(0),
    totalBytes: bigint('total_bytes', { mode: 'number' }).notNull().default(0),
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    skipped: integer('skipped').notNull().default(0),
    failed: integer('failed').notNull().default(0),
    /** Rows/s over the running time so far (set with each checkpoint). */
    rowsPerSecond: integer('rows_per_second').notNull().default(0),
    /** Seconds spent running before the current attempt (so a resumed run reports a true rate). */
    activeSeconds: integer('active_seconds').notNull().default(0),
    jobId: uuid('job_id'),
    undoJobId: uuid('undo_job_id'),
    /** Who started it (role included): the job writes as that actor. */
    actor: jsonb('actor').$type<Record<string, unknown>>().notNull(),
    createdBy: text('created_by'),
    error: text('error'),
    startedAt: ts('started_at'),
    finishedAt: ts('finished_at'),
    undoableUntil: ts('undoable_until'),
    undoneAt: ts('undone_at'),
  },
  (t) => [index('imports_ws_idx').on(t.workspaceId, t.createdAt, t.id)],
);

/** Rows that did not go in: row number, column, value (truncated), problem. */
export const importErrors = pgTable(
  'import_errors',
  {
    workspaceId: uuid('workspace_id').notNull(),
    importId: uuid('import_id').notNull(),
    rowNumber: integer('row_number').notNull(),
    seq: integer('seq').notNull(),
    column: text('column'),
    field: text('field'),
    value: text('value'),
    problem: text('problem').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.importId, t.rowNumber, t.seq] })],
);

/**
 * What an import did to each record, for undo and in-file duplicate detection: created, or updated with
 * the values before (the first change of a record in an import wins, so undo restores the original).
 */
export const importChanges = pgTable(
  'import_changes',
  {
    workspaceId: uuid('workspace_id').notNull(),
    importId: uuid('import_id').notNull(),
    entityType: text('entity_type').notNull(),
    recordId: uuid('record_id').notNull(),
    action: text('action').notNull(),
    rowNumber: integer('row_number').notNull(),
    before: jsonb('before').$type<Record<string, unknown>>(),
    undoneAt: ts('undone_at'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.importId, t.entityType, t.recordId] })],
);

/** Saved column mappings, reusable by name. */
export const importMappings = pgTable(
  'import_mappings',
  {
    ...baseColumns(),
    name: text('name').notNull(),
    entity: text('entity').notNull(),
    mapping: jsonb('mapping').$type<Record<string, string | null>>().notNull(),
    createdBy: text('created_by'),
  },
  (t) => [index('import_mappings_ws_idx').on(t.workspaceId, t.entity, t.name)],
);

/** External ids (a source system's record id) of imported records: the `external_id` key of later imports. */
export const externalIds = pgTable(
  'external_ids',
  {
    workspaceId: uuid('workspace_id').notNull(),
    entityType: text('entity_type').notNull(),
    externalId: text('external_id').notNull(),
    recordId: uuid('record_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.entityType, t.externalId] }),
    index('external_ids_record_idx').on(t.workspaceId, t.recordId),
  ],
);
