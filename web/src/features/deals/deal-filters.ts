import { addDays } from '../../lib/days.ts';
import type { FilterNode } from '../records/crm-types.ts';

export interface BoardFilters {
  text: string;
  ownerId: string | null;
  minAmount: number | null;
  closingWithinDays: number | null;
}

export const noFilters: BoardFilters = { text: '', ownerId: null, minAmount: null, closingWithinDays: null };

/** The quick filters as one filter-language node (null: everything); `today` is the workspace's (close dates are its days). */
export function toFilter(f: BoardFilters, today: string): FilterNode | null {
  const parts: FilterNode[] = [];
  if (f.text.trim()) parts.push({ field: 'name', op: 'contains', value: f.text.trim() });
  if (f.ownerId) parts.push({ field: 'owner_id', op: 'eq', value: f.ownerId });
  if (f.minAmount !== null) parts.push({ field: 'amount', op: 'gte', value: f.minAmount });
  if (f.closingWithinDays !== null) {
    parts.push({ field: 'close_date', op: 'lte', value: addDays(today, f.closingWithinDays) });
  }
  return parts.length ? { and: parts } : null;
}
