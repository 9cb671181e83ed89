import type { FilterNode } from '../records/crm-types.ts';
import { type Condition, isComplete, newConditionId } from '../records/filter-ast.ts';
import { isUnary } from '../records/filter-ops.ts';

export const eventKinds = [
  ['page_view', 'Viewed a page'],
  ['form_submit', 'Submitted a form'],
  ['email_open', 'Opened an email'],
  ['email_click', 'Clicked an email'],
  ['email_delivered', 'Was sent an email'],
  ['event_attended', 'Attended an event'],
  ['custom', 'Did a custom event'],
  ['unsubscribe', 'Unsubscribed'],
] as const;

/** One row of the segment builder. */
export type Row =
  | ({ kind: 'field' } & Condition)
  | { kind: 'event'; id: string; event: string; url: string; name: string; subjectId: string; atLeast: number; days: number | null }
  | { kind: 'deal'; id: string; status: 'any' | 'open' | 'won' | 'lost'; days: number | null }
  | { kind: 'list'; id: string; listId: string; onList: boolean }
  | { kind: 'country'; id: string; countries: string[] };

export interface Group {
  id: string;
  match: 'and' | 'or';
  rows: Row[];
}
/** Groups joined by all/any; each group joins its rows by all/any. */
export interface SegmentModel {
  match: 'and' | 'or';
  groups: Group[];
}

export const newGroup = (rows: Row[] = []): Group => ({ id: newConditionId(), match: 'and', rows });
export const emptyModel = (): SegmentModel => ({ match: 'and', groups: [newGroup()] });

export function newRow(kind: Row['kind']): Row {
  const id = newConditionId();
  if (kind === 'event') return { kind, id, event: 'page_view', url: '', name: '', subjectId: '', atLeast: 1, days: 30 };
  if (kind === 'deal') return { kind, id, status: 'open', days: null };
  if (kind === 'list') return { kind, id, listId: '', onList: true };
  if (kind === 'country') return { kind, id, countries: [] };
  return { kind: 'field', id, field: 'lifecycle_stage', op: 'eq', value: undefined };
}

const span = (days: number | null) => (days ? { within: { n: days, unit: 'day' } } : {});

/** A row as a filter node; null while incomplete (left out of the count, not sent as an error). */
export function rowNode(r: Row): FilterNode | null {
  if (r.kind === 'field') {
    if (!isComplete(r)) return null;
    return (isUnary(r.op) ? { field: r.field, op: r.op } : { field: r.field, op: r.op, value: r.value }) as FilterNode;
  }
  if (r.kind === 'event') {
    const where: FilterNode[] = [];
    if (r.url.trim()) where.push({ field: 'url', op: 'contains', value: r.url.trim() });
    if (r.name.trim()) where.push({ field: 'name', op: 'eq', value: r.name.trim() });
    if (r.subjectId.trim()) where.push({ field: 'subject_id', op: 'eq', value: r.subjectId.trim() });
    return {
      predicate: 'has_event',
      kind: r.event,
      ...(where.length ? { where: where.length === 1 ? where[0] : { and: where } } : {}),
      ...(r.atLeast > 1 ? { count: { op: 'gte', value: r.atLeast } } : {}),
      ...span(r.days),
    } as FilterNode;
  }
  if (r.kind === 'deal') {
    const where: FilterNode[] = [];
    if (r.status !== 'any') where.push({ field: 'status', op: 'eq', value: r.status });
    if (r.days && r.status !== 'open') where.push({ field: 'closed_at', op: 'in_last', value: { n: r.days, unit: 'day' } });
    if (r.days && r.status === 'open') where.push({ field: 'created_at', op: 'in_last', value: { n: r.days, unit: 'day' } });
    return { predicate: 'has_deal', ...(where.length ? { where: { and: where } } : {}) } as FilterNode;
  }
  if (r.kind === 'list') {
    if (!r.listId) return null;
    const node = { predicate: 'in_list', list: r.listId } as FilterNode;
    return r.onList ? node : ({ not: node } as FilterNode);
  }
  if (!r.countries.length) return null;
  return { predicate: 'company', where: { field: 'country', op: 'in', value: r.countries } } as FilterNode;
}

const join = (match: 'and' | 'or', nodes: FilterNode[]): FilterNode | null =>
  nodes.length === 0 ? null : nodes.length === 1 ? nodes[0]! : ({ [match]: nodes } as FilterNode);

/** The model as a definition (null when no row is complete). */
export function toDefinition(m: SegmentModel): FilterNode | null {
  const groups = m.groups.map((g) =>
    join(
      g.match,
      g.rows.map(rowNode).filter((n): n is FilterNode => n !== null),
    ),
  );
  return join(
    m.match,
    groups.filter((n): n is FilterNode => n !== null),
  );
}

type Obj = Record<string, unknown>;
const isObj = (n: unknown): n is Obj => !!n && typeof n === 'object' && !Array.isArray(n);

function rowOf(n: unknown): Row | null {
  if (!isObj(n)) return null;
  const id = newConditionId();
  if (typeof n.field === 'string' && typeof n.op === 'string')
    return { kind: 'field', id, field: n.field, op: n.op as Condition['op'], value: n.value as Condition['value'] };
  if (isObj(n.not) && n.not.predicate === 'in_list') return { kind: 'list', id, listId: String(n.not.list), onList: false };
  if (n.predicate === 'in_list') return { kind: 'list', id, listId: String(n.list), onList: true };
  const within = isObj(n.within) && n.within.unit === 'day' ? Number(n.within.n) : null;
  if (n.predicate === 'has_event') {
    const parts = isObj(n.where) ? (Array.isArray(n.where.and) ? n.where.and : [n.where]) : [];
    const row = {
      kind: 'event' as const,
      id,
      event: String(n.kind ?? 'page_view'),
      url: '',
      name: '',
      subjectId: '',
      days: within,
      atLeast: 1,
    };
    for (const w of parts) {
      if (!isObj(w)) return null;
      if (w.field === 'url' && w.op === 'contains') row.url = String(w.value);
      else if (w.field === 'name' && w.op === 'eq') row.name = String(w.value);
      else if (w.field === 'subject_id' && w.op === 'eq') row.subjectId = String(w.value);
      else return null;
    }
    if (isObj(n.count)) {
      if (n.count.op !== 'gte') return null;
      row.atLeast = Number(n.count.value);
    }
    return row;
  }
  if (n.predicate === 'has_deal') {
    const parts = isObj(n.where) && Array.isArray(n.where.and) ? n.where.and : [];
    const row: Row = { kind: 'deal', id, status: 'any', days: null };
    for (const w of parts) {
      if (!isObj(w)) return null;
      if (w.field === 'status') row.status = w.value as 'open';
      else if (isObj(w.value) && w.op === 'in_last') row.days = Number(w.value.n);
      else return null;
    }
    return row;
  }
  if (n.predicate === 'company' && isObj(n.where) && n.where.field === 'country' && n.where.op === 'in')
    return { kind: 'country', id, countries: n.where.value as string[] };
  return null;
}

function groupOf(n: unknown): Group | null {
  if (isObj(n))
    for (const match of ['and', 'or'] as const)
      if (Array.isArray(n[match])) {
        const rows = (n[match] as unknown[]).map(rowOf);
        return rows.every(Boolean) ? { id: newConditionId(), match, rows: rows as Row[] } : null;
      }
  const row = rowOf(n);
  return row ? newGroup([row]) : null;
}

/** A saved definition back into the builder; null when it has a shape the builder cannot show (edit it as JSON). */
export function fromDefinition(def: unknown): SegmentModel | null {
  if (!isObj(def)) return null;
  for (const match of ['and', 'or'] as const)
    if (Array.isArray(def[match])) {
      const items = def[match] as unknown[];
      // A flat list of rows is one group; a list of groups is several.
      const asRows = items.map(rowOf);
      if (asRows.every(Boolean)) return { match: 'and', groups: [{ id: newConditionId(), match, rows: asRows as Row[] }] };
      const groups = items.map(groupOf);
      return groups.every(Boolean) ? { match, groups: groups as Group[] } : null;
    }
  const g = groupOf(def);
  return g ? { match: 'and', groups: [g] } : null;
}
