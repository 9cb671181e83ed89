import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { request } from '../../lib/api/index.ts';
import { useMembers } from '../users/use-members.ts';
import type { ListPage, RecordEntity } from './crm-types.ts';

type Waiter = { resolve: (name: string | null) => void; reject: (err: unknown) => void };
const queues: Record<RecordEntity, Map<string, Waiter[]>> = { contact: new Map(), company: new Map() };
const scheduled: Record<RecordEntity, boolean> = { contact: false, company: false };
const spec = {
  contact: { path: '/api/contacts/search', prop: 'displayName' },
  company: { path: '/api/companies/search', prop: 'name' },
} as const;

async function flush(entity: RecordEntity) {
  scheduled[entity] = false;
  const queue = new Map(queues[entity]);
  queues[entity].clear();
  const ids = [...queue.keys()];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    try {
      const page = await request<ListPage>('POST', spec[entity].path, {
        body: { filter: { field: 'id', op: 'in', value: chunk }, columns: [spec[entity].prop], limit: 500 },
      });
      const names = new Map(page.items.map((r) => [r.id, String(r[spec[entity].prop] ?? '')]));
      for (const id of chunk) for (const w of queue.get(id) ?? []) w.resolve(names.get(id) ?? null);
    } catch (err) {
      for (const id of chunk) for (const w of queue.get(id) ?? []) w.reject(err);
    }
  }
}

/**
 * The name of a contact or company by id. Calls made in the same tick are batched into one list
 * request (a page of 100 rows with a company column costs one request, not 100). Null: gone or not visible.
 */
export function loadRecordName(entity: RecordEntity, id: string): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const list = queues[entity].get(id) ?? [];
    list.push({ resolve, reject });
    queues[entity].set(id, list);
    if (!scheduled[entity]) {
      scheduled[entity] = true;
      setTimeout(() => void flush(entity), 0);
    }
  });
}

/** A record's name for display; cached for five minutes. */
export const useRecordName = (entity: RecordEntity, id: string | null | undefined) =>
  useQuery({
    queryKey: ['record-name', entity, id],
    queryFn: () => loadRecordName(entity, id!),
    enabled: !!id,
    staleTime: 5 * 60_000,
  });

/** Member names by user id (for owners and assignees). */
export function useMemberNames() {
  const members = useMembers();
  return useMemo(() => new Map((members.data ?? []).map((m) => [m.id, m.name])), [members.data]);
}

/** Members as Select options. */
export function useMemberOptions() {
  const members = useMembers();
  return useMemo(() => (members.data ?? []).map((m) => ({ value: m.id, label: m.name })), [members.data]);
}
