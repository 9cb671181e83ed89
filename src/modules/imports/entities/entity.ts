import type { Ctx } from '../../../kernel/context.ts';

/** A target a column can map to. */
export interface ImportField {
  key: string;
  label: string;
  type: string;
  required: boolean;
  custom: boolean;
  /** Other header names that mean this field (compared normalized). */
  synonyms?: string[];
}

/** A built-in field (not custom) with the header names that also mean it. */
export const builtinField = (key: string, label: string, type: string, synonyms: string[] = [], required = false): ImportField => ({
  key,
  label,
  type,
  required,
  custom: false,
  synonyms,
});

export const importModes = ['create', 'update', 'upsert'] as const;
export type ImportMode = (typeof importModes)[number];
export const importKeys = ['email', 'domain', 'external_id'] as const;
export type ImportKey = (typeof importKeys)[number];

/** A problem with one row: which column and value, and what to fix. */
export interface RowError {
  column: string | null;
  field: string | null;
  value: string | null;
  problem: string;
}

/** A row after mapping: field key → the cell and the column it came from (empty cells left out). */
export interface MappedRow {
  rowNumber: number;
  cells: Map<string, { value: string; column: string }>;
}

/** The settings of a run, as the batch writer needs them. */
export interface RunSettings {
  importId: string;
  mode: ImportMode;
  key: ImportKey;
  duplicatesInFile: 'merge' | 'report';
  /** Columns mapped to each field (for error reports). */
  columnOf: Map<string, string>;
}

export interface BatchOutcome {
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  errors: (RowError & { rowNumber: number })[];
  /** Rows that went in (created or updated). */
  written: number;
}

/** One checked row: the values as they will be stored (for preview), or what is wrong with it. */
export type Checked<T> =
  | { ok: true; rowNumber: number; record: T; values: Record<string, unknown> }
  | { ok: false; rowNumber: number; errors: RowError[] };

/** What an entity prepares once per run (field definitions, members, region) to check and write rows. */
export interface EntityRun<T> {
  check(ctx: Ctx, row: MappedRow): Promise<Checked<T>>;
  /** Writes the batch in ctx.db's transaction: records, links, history, import_changes. */
  writeBatch(ctx: Ctx, rows: Extract<Checked<T>, { ok: true }>[], run: RunSettings): Promise<BatchOutcome>;
}

/** An importable record type: contacts and companies today; deals and activities plug in the same way. */
export interface ImportEntity<T = unknown> {
  name: string;
  /** The entity type in import_changes, audit and events ('contact'). */
  entityType: string;
  /** Permission a caller needs on top of imports:write. */
  permission: string;
  keys: readonly ImportKey[];
  fields(ctx: Ctx): Promise<ImportField[]>;
  prepare(ctx: Ctx, columnOf: Map<string, string>): Promise<EntityRun<T>>;
  /** Reverts the given changes of an import (created → deleted, updated → before-values restored). */
  undoChanges(ctx: Ctx, changes: { recordId: string; action: string; before: Record<string, unknown> | null }[]): Promise<number>;
}
