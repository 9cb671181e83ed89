import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { type CustomEntityType, type CustomFieldDef, validateCustomValues } from '../../custom-fields/index.ts';
import type { ImportField, MappedRow, RowError } from './entity.ts';

/** Cells longer than this are cut in error reports and previews (a 100 MB cell must not travel). */
export const maxShownValue = 500;
export const shown = (v: string | null | undefined) => (v == null ? null : v.length > maxShownValue ? `${v.slice(0, maxShownValue)}…` : v);

/** yes/no, true/false, 1/0, y/n, x (checked) → boolean; anything else undefined. */
export function parseBoolean(raw: string): boolean | undefined {
  const v = raw.trim().toLowerCase();
  if (['true', 'yes', 'y', '1', 'x', 'ja', 'oui', 'si', 'sí'].includes(v)) return true;
  if (['false', 'no', 'n', '0', 'nein', 'non'].includes(v)) return false;
  return undefined;
}

/** "1,250,000.50" / "1.250.000,50" → 1250000.5; undefined when it is not a number. */
export function parseAmount(raw: string): number | undefined {
  let s = raw.replace(/[\s'€$£¥]/g, '');
  if (/^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) s = s.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d+(,\d{3})*(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  else if (/^-?\d+,\d+$/.test(s)) s = s.replace(',', '.');
  const n = Number(s);
  return s !== '' && Number.isFinite(n) ? n : undefined;
}

/** A list cell: "a; b" or "a, b" (semicolons win when present). */
export const splitList = (raw: string) =>
  raw
    .split(raw.includes(';') ? ';' : ',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Builds row errors; `field` is the import field key, the column comes from the mapping. */
export class RowProblems {
  readonly list: RowError[] = [];
  constructor(private readonly row: MappedRow) {}
  add(field: string | null, problem: string) {
    const cell = field ? this.row.cells.get(field) : undefined;
    this.list.push({ column: cell?.column ?? null, field, value: shown(cell?.value), problem });
  }
  /** An AppError of the API's rules, its details.path turned into the import field via `fieldOfPath`. */
  addError(err: unknown, fieldOfPath: (path: (string | number)[]) => string | null) {
    if (!(err instanceof AppError)) throw err;
    const path = ((err.details as { path?: (string | number)[] })?.path ?? []).filter((p) => p !== 'body');
    this.add(fieldOfPath(path), err.message);
  }
  addZod(error: z.ZodError, fieldOfPath: (path: (string | number)[]) => string | null) {
    for (const issue of error.issues) this.add(fieldOfPath(issue.path as (string | number)[]), issue.message);
  }
}

/** Custom-field import targets, one per definition (custom.<key>). */
export const customImportFields = (defs: CustomFieldDef[]): ImportField[] =>
  defs.map((d) => ({ key: `custom.${d.key}`, label: d.label, type: d.type, required: d.required, custom: true }));

/** Custom cells as the API would receive them: lists split for multi-select, yes/no for booleans. */
export function customInput(row: MappedRow, defs: CustomFieldDef[]): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  let any = false;
  for (const d of defs) {
    const cell = row.cells.get(`custom.${d.key}`);
    if (!cell) continue;
    any = true;
    if (d.type === 'multi_select') out[d.key] = splitList(cell.value);
    else if (d.type === 'boolean') out[d.key] = parseBoolean(cell.value) ?? cell.value;
    else out[d.key] = cell.value;
  }
  return any ? out : undefined;
}

/** Members by email and by name (lower case) → user id, for owner columns. */
export async function loadMembers(ctx: Ctx): Promise<Map<string, string>> {
  const list = await rows<{ id: string; email: string; name: string }>(
    ctx.db,
    sql`select u.id, u.email, u.name from memberships m join users u on u.id = m.user_id where m.workspace_id = ${ctx.workspaceId}`,
  );
  const map = new Map<string, string>();
  for (const m of list) map.set(m.name.trim().toLowerCase(), m.id);
  for (const m of list) map.set(m.email.trim().toLowerCase(), m.id);
  return map;
}

/** The owner named by an owner column (member email or name); records an error when no member matches. */
export function ownerOf(row: MappedRow, members: Map<string, string>, problems: RowProblems): string | undefined {
  const cell = row.cells.get('owner_email');
  if (!cell) return undefined;
  const id = members.get(cell.value.trim().toLowerCase());
  if (!id)
    problems.add(
      'owner_email',
      `No member of this workspace has the email (or name) "${shown(cell.value)}"; invite them first or leave the owner empty.`,
    );
  return id;
}

/** `jsonb_to_recordset` over rows sent as one JSON parameter: a set-based write without thousands of bind parameters. */
export const recordset = (list: unknown[], columns: string) =>
  sql`jsonb_to_recordset(${JSON.stringify(list)}::jsonb) as x(${sql.raw(columns)})`;

/** A row's custom cells checked by validateCustomValues (the API's gate); problems are recorded on the row. */
export async function checkCustom(
  ctx: Ctx,
  entityType: CustomEntityType,
  row: MappedRow,
  setup: { defs: CustomFieldDef[]; region: string | null },
  problems: RowProblems,
  fieldOfPath: (path: (string | number)[]) => string | null,
): Promise<Record<string, unknown> | undefined> {
  const input = customInput(row, setup.defs);
  if (!input) return undefined;
  try {
    return await validateCustomValues(ctx, entityType, input, { partial: true, defs: setup.defs, region: setup.region, path: ['custom'] });
  } catch (err) {
    problems.addError(err, fieldOfPath);
    return undefined;
  }
}
