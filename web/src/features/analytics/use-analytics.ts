import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/index.ts';
import type { KpiBoard, KpiRecords, KpiSettings, MarketSize, SalesCost } from './analytics-types.ts';

export interface BoardSearch {
  period?: string;
  compare?: 'previous' | 'last_year';
}

export const useKpiBoard = (search: BoardSearch) =>
  useQuery({
    queryKey: ['analytics', 'kpis', search],
    queryFn: ({ signal }) => api.get<KpiBoard>('/api/analytics/kpis', { period: search.period, compare: search.compare }, signal),
    placeholderData: keepPreviousData,
  });

export const useKpiRecords = (kpi: string | null, period: string | undefined) =>
  useQuery({
    queryKey: ['analytics', 'records', kpi, period],
    enabled: !!kpi && !!period,
    queryFn: ({ signal }) => api.get<KpiRecords>(`/api/analytics/kpis/${kpi}/records`, { period }, signal),
  });

export const useKpiSettings = () =>
  useQuery({
    queryKey: ['analytics', 'settings'],
    queryFn: ({ signal }) => api.get<KpiSettings>('/api/analytics/settings', undefined, signal),
  });

export const useSalesCosts = () =>
  useQuery({
    queryKey: ['analytics', 'sales-costs'],
    queryFn: ({ signal }) => api.get<{ items: SalesCost[] }>('/api/analytics/sales-costs', undefined, signal).then((r) => r.items),
  });

export const useMarketSizes = () =>
  useQuery({
    queryKey: ['analytics', 'market-sizes'],
    queryFn: ({ signal }) => api.get<{ items: MarketSize[] }>('/api/analytics/market-sizes', undefined, signal).then((r) => r.items),
  });

/** A write to the analytics API that refreshes every analytics query after it. */
export function useAnalyticsMutation<B>(fn: (body: B) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => qc.invalidateQueries({ queryKey: ['analytics'] }) });
}
