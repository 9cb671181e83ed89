import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/index.ts';
import type {
  Cohorts,
  DropOffPage,
  Funnel,
  FunnelStage,
  KpiBoard,
  KpiRecords,
  KpiSettings,
  MarketingPerformance,
  MarketSize,
  SalesCost,
  SalesPerformance,
} from './analytics-types.ts';

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

export interface FunnelSearch {
  from: string;
  to: string;
  cohort: 'created' | 'period';
  window?: number;
  by?: 'source' | 'owner' | 'team' | 'campaign';
}

const funnelParams = (s: FunnelSearch) => ({ from: s.from, to: s.to, cohort: s.cohort, window: s.window, by: s.by });

export const useFunnel = (search: FunnelSearch) =>
  useQuery({
    queryKey: ['analytics', 'funnel', search],
    queryFn: ({ signal }) => api.get<Funnel>('/api/analytics/funnel', funnelParams(search), signal),
    placeholderData: keepPreviousData,
  });

export const useFunnelDropOff = (search: FunnelSearch, stage: FunnelStage | null, group: string | undefined, offset: number) =>
  useQuery({
    queryKey: ['analytics', 'drop-off', search, stage, group, offset],
    enabled: !!stage,
    queryFn: ({ signal }) =>
      api.get<DropOffPage>('/api/analytics/funnel/drop-off', { ...funnelParams(search), stage: stage!, group, offset, limit: 25 }, signal),
    placeholderData: keepPreviousData,
  });

export const useCohorts = (range: { from: string; to: string }, basis: 'customers' | 'revenue') =>
  useQuery({
    queryKey: ['analytics', 'cohorts', range, basis],
    queryFn: ({ signal }) => api.get<Cohorts>('/api/analytics/cohorts', { ...range, basis }, signal),
    placeholderData: keepPreviousData,
  });

export const useSalesPerformance = (period: string) =>
  useQuery({
    queryKey: ['analytics', 'sales-performance', period],
    queryFn: ({ signal }) => api.get<SalesPerformance>('/api/analytics/sales-performance', { period }, signal),
    placeholderData: keepPreviousData,
  });

export const useMarketingPerformance = (range: { from: string; to: string }, model: string) =>
  useQuery({
    queryKey: ['analytics', 'marketing-performance', range, model],
    queryFn: ({ signal }) => api.get<MarketingPerformance>('/api/analytics/marketing-performance', { ...range, model }, signal),
    placeholderData: keepPreviousData,
  });

export const useDigestSubscription = () =>
  useQuery({
    queryKey: ['analytics', 'digest'],
    queryFn: ({ signal }) =>
      api.get<{ subscribed: boolean; lastSentOn: string | null }>('/api/analytics/digest-subscription', undefined, signal),
  });
