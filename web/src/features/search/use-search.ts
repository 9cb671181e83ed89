import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api/index.ts';

/** One global search hit (GET /api/search). */
export interface SearchHit {
  type: 'contact' | 'company' | 'deal';
  id: string;
  title: string;
  subtitle: string | null;
  score: number;
}

/** Contacts, companies and deals matching typed words (names, emails, domains, phones; typos tolerated). */
export const useSearch = (q: string) =>
  useQuery<SearchHit[]>({
    queryKey: ['search', q.trim()],
    queryFn: ({ signal }) => api.get<{ items: SearchHit[] }>('/api/search', { q: q.trim(), limit: 12 }, signal).then((r) => r.items),
    enabled: q.trim().length > 0,
    // Keep the last hits on screen while the next words load.
    placeholderData: (previous) => previous,
    staleTime: 15_000,
  });

const recentKey = 'tandem-recent-records';

/** Records opened lately (newest first), kept in this browser for the palette's empty state. */
export function recentRecords(): SearchHit[] {
  try {
    const list = JSON.parse(localStorage.getItem(recentKey) ?? '[]');
    return Array.isArray(list) ? list.slice(0, 6) : [];
  } catch {
    return [];
  }
}

/** Remembers an opened record for the palette. */
export function rememberRecord(hit: Omit<SearchHit, 'score'>) {
  try {
    const list = recentRecords().filter((r) => !(r.type === hit.type && r.id === hit.id));
    localStorage.setItem(recentKey, JSON.stringify([{ ...hit, score: 0 }, ...list].slice(0, 6)));
  } catch {
    // Storage full or disabled: the palette just has no recents.
  }
}
