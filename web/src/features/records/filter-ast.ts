import type { FilterNode } from './crm-types.ts';
import type { FieldInfo } from './field-catalog.ts';
import { type FilterOp, isListOp, isSpanOp, isUnary, opsFor } from './filter-ops.ts';

export type ConditionValue = string | number | boolean | (string | number)[] | { n: number; unit: string } | undefined;

/** One row of the filter builder. */
export interface Condition {
  id: string;
  field: string;
  op: FilterOp;
  value?: ConditionValue;
}

/** What the builder edits: conditions joined by "all" (and) or "any" (or). */
export interface FilterModel {
  match: 'and' | 'or';
  conditions: Condition[];
}

export const emptyFilter: FilterModel = { match: 'and', conditions: [] };

let seq = 0;
export const newConditionId = () => `c${++seq}`;

/** A fresh condition on a field, with its most useful op. */
export function newCondition(field: FieldInfo): Condition {
  const op = opsFor(field.type)[0]!;
  return { id: newConditionId(), field: field.key, op, value: isSpanOp(op) ? { n: 30, unit: 'day' } : undefined };
}

/** Whether a condition has what its op needs (incomplete rows are left out of the query, not sent as errors). */
export function isComplete(c: Condition): boolean {
  if (isUnary(c.op)) return true;
  const v = c.value;
  if (v === undefined || v === null || v === '') return false;
  if (isListOp(c.op)) return Array.isArray(v) && v.length > 0;
  if (c.op === 'between') return Array.isArray(v) && v.length === 2 && v.every((x) => x !== '' && x !== null && x !== undefined);
  if (isSpanOp(c.op)) return typeof v === 'object' && !Array.isArray(v) && v.n > 0;
  return true;
}

const toNode = (c: Condition): FilterNode =>
  isUnary(c.op) ? { field: c.field, op: c.op } : { field: c.field, op: c.op, value: c.value as never };

/** The builder's conditions plus the quick search, as one AST (undefined when nothing filters). */
export function toAst(model: FilterModel, quick?: FilterNode): FilterNode | undefined {
  const nodes = model.conditions.filter(isComplete).map(toNode);
  const built: FilterNode | undefined =
    nodes.length === 0 ? undefined : nodes.length === 1 ? nodes[0] : ({ [model.match]: nodes } as FilterNode);
  if (built && quick) return { and: [quick, built] };
  return built ?? quick;
}

/** The quick-search box as an AST: any of the entity's text fields contains the words. */
export function quickSearchAst(q: string, fields: string[]): FilterNode | undefined {
  const text = q.trim();
  if (!text) return undefined;
  return { or: fields.map((field) => ({ field, op: 'contains' as const, value: text })) };
}

const isCondition = (n: unknown): n is { field: string; op: FilterOp; value?: ConditionValue } =>
  !!n && typeof n === 'object' && typeof (n as { field?: unknown }).field === 'string' && typeof (n as { op?: unknown }).op === 'string';

/** A saved AST back into the builder; null when it is not a flat all/any list the builder can show. */
export function fromAst(ast: unknown): FilterModel | null {
  if (ast === undefined || ast === null) return emptyFilter;
  const cond = (n: unknown): Condition | null =>
    isCondition(n) ? { id: newConditionId(), field: n.field, op: n.op, value: n.value } : null;
  if (isCondition(ast)) return { match: 'and', conditions: [cond(ast)!] };
  for (const match of ['and', 'or'] as const) {
    const list = (ast as Record<string, unknown>)[match];
    if (Array.isArray(list)) {
      const conditions = list.map(cond);
      return conditions.every(Boolean) ? { match, conditions: conditions as Condition[] } : null;
    }
  }
  return null;
}

/** The index of the condition an error path points at (["body","filter","and",2,"value"] → that row). */
export function conditionAtPath(model: FilterModel, path: unknown): string | undefined {
  if (!Array.isArray(path)) return undefined;
  const i = path.indexOf('filter');
  if (i < 0) return undefined;
  const rest = path.slice(i + 1);
  // With a quick search the builder's node is the second child of the outer "and".
  const inner = rest[0] === 'and' && rest[1] === 1 && (rest[2] === 'and' || rest[2] === 'or') ? rest.slice(2) : rest;
  const complete = model.conditions.filter(isComplete);
  if (complete.length === 1 && (inner.length === 0 || typeof inner[0] === 'string')) return complete[0]?.id;
  return typeof inner[1] === 'number' ? complete[inner[1]]?.id : undefined;
}
