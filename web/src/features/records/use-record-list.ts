import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { request } from '../../lib/api/index.ts';
import type { FilterNode, ListPage, RecordEntity, SortKey, Total } from './crm-types.ts';

/** The list endpoint and query-key root of each entity. */
export const listApi: Record<RecordEntity, { search: string; count: string; key: string }> = {
  contact: { search: '/api/contacts/search', count: '/api/contacts/count', key: 'contacts' },
  company: { search: '/api/companies/search', count: '/api/companies/count', key: 'companies' },
};

export const pageSize = 100;

/**
 * A filtered, sorted list loaded page by page with the keyset cursor (POST …/search, so long filters
 * fit). Only the visible columns are asked for; the previous result stays on screen while a new
 * filter or sort loads.
 */
export function useRecordList(entity: RecordEntity, q: { filter?: FilterNode; sort: SortKey[]; columns: string[] }) {
  const { search, key } = listApi[entity];
  return useInfiniteQuery({
    queryKey: [key, 'list', q],
    queryFn: ({ pageParam, signal }) =>
      request<ListPage>('POST', search, {
        body: {
          filter: q.filter,
          sort: q.sort.length ? q.sort : undefined,
          columns: q.columns,
          limit: pageSize,
          cursor: pageParam,
          total: false,
        },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/**
 * How many records match, fetched beside the first page rather than inside it: the rows show as soon as they are
 * read, and counting thousands of matches never holds them back. It depends on the filter only, not sort or columns.
 */
export function useRecordCount(entity: RecordEntity, filter: FilterNode | undefined) {
  const { count, key } = listApi[entity];
  return useQuery<Total>({
    queryKey: [key, 'count', filter ?? null],
    queryFn: ({ signal }) => request<{ total: Total }>('POST', count, { body: { filter }, signal }).then((r) => r.total),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat();

/** "2,200 contacts", "1 contact", or "about 1.2M contacts" when the server estimated. */
export function formatTotal(total: { value: number; exact: boolean }, singular: string, plural: string) {
  const noun = total.value === 1 ? singular : plural;
  return total.exact ? `${whole.format(total.value)} ${noun}` : `about ${compact.format(total.value)} ${noun}`;
}
