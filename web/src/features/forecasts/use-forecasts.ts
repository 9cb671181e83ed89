import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/index.ts';
import type { Accuracy, Forecast, Override, OverrideBody, Quota, QuotaItem, WinLoss } from './forecast-types.ts';

/** The forecast tree of a period (all pipelines, or one). */
export const useForecast = (period: string, pipelineId?: string) =>
  useQuery({
    queryKey: ['forecasts', 'tree', period, pipelineId ?? null],
    queryFn: ({ signal }) => api.get<Forecast>('/api/forecasts', { period, pipelineId }, signal),
    placeholderData: keepPreviousData,
  });

export const useForecastAccuracy = (period: string) =>
  useQuery({
    queryKey: ['forecasts', 'accuracy', period],
    queryFn: ({ signal }) => api.get<Accuracy>('/api/forecasts/accuracy', { period }, signal),
  });

export const useOverrideHistory = (q: { period: string; pipelineId?: string; subjectType: string; subjectId: string }, enabled: boolean) =>
  useQuery({
    queryKey: ['forecasts', 'overrides', q],
    queryFn: ({ signal }) => api.get<{ items: Override[] }>('/api/forecasts/overrides', q, signal).then((r) => r.items),
    enabled,
  });

export function useOverride() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: OverrideBody) => api.post<Override>('/api/forecasts/overrides', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['forecasts'] }),
  });
}

export function useTakeSnapshot() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (period: string) => api.post<{ period: string; rows: number }>('/api/forecasts/snapshots', { period }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['forecasts', 'accuracy'] }),
  });
}

/** Quotas of the periods from..to (months and quarters). */
export const useQuotas = (from: string, to: string) =>
  useQuery({
    queryKey: ['quotas', from, to],
    queryFn: ({ signal }) => api.get<{ items: Quota[] }>('/api/quotas', { from, to }, signal).then((r) => r.items),
  });

export function useSetQuotas() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (items: QuotaItem[]) => api.post<{ set: Quota[]; removed: number }>('/api/quotas', { items }),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['quotas'] }), qc.invalidateQueries({ queryKey: ['forecasts'] })]),
  });
}

export const useWinLoss = (q: { from: string; to: string; pipelineId?: string }) =>
  useQuery({
    queryKey: ['reports', 'win-loss', q],
    queryFn: ({ signal }) => api.get<WinLoss>('/api/reports/win-loss', q, signal),
    placeholderData: keepPreviousData,
  });
