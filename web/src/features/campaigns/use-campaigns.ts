import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/index.ts';
import type {
  Asset,
  Attribution,
  AttributionRow,
  Campaign,
  CampaignBody,
  CampaignListItem,
  Model,
  Spend,
  Touchpoint,
  UtmLink,
} from './campaign-types.ts';

export interface ListFilters {
  model: Model;
  status?: string | null;
  channel?: string | null;
  q?: string;
}

export const useCampaigns = (f: ListFilters) =>
  useQuery<CampaignListItem[]>({
    queryKey: ['campaigns', 'list', f],
    queryFn: ({ signal }) =>
      api
        .get<{ items: CampaignListItem[] }>(
          '/api/campaigns',
          { model: f.model, status: f.status ?? undefined, channel: f.channel ?? undefined, q: f.q || undefined },
          signal,
        )
        .then((r) => r.items),
    placeholderData: keepPreviousData,
  });

export const useCampaign = (id: string) =>
  useQuery({
    queryKey: ['campaigns', 'detail', id],
    queryFn: ({ signal }) => api.get<Campaign>(`/api/campaigns/${id}`, undefined, signal),
  });

export const useSpend = (id: string) =>
  useQuery({
    queryKey: ['campaigns', 'spend', id],
    queryFn: ({ signal }) => api.get<{ items: Spend[] }>(`/api/campaigns/${id}/spend`, undefined, signal).then((r) => r.items),
  });

export const useLinks = (id: string) =>
  useQuery({
    queryKey: ['campaigns', 'links', id],
    queryFn: ({ signal }) => api.get<{ items: UtmLink[] }>(`/api/campaigns/${id}/links`, undefined, signal).then((r) => r.items),
  });

export const useAssets = (id: string) =>
  useQuery({
    queryKey: ['campaigns', 'assets', id],
    queryFn: ({ signal }) => api.get<{ items: Asset[] }>(`/api/campaigns/${id}/assets`, undefined, signal).then((r) => r.items),
  });

export const useTouchpoints = (id: string) =>
  useInfiniteQuery({
    queryKey: ['campaigns', 'touchpoints', id],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ signal, pageParam }) =>
      api.get<{ items: Touchpoint[]; nextCursor: string | null }>(
        `/api/campaigns/${id}/touchpoints`,
        { limit: 25, cursor: pageParam },
        signal,
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const usePerformance = (id: string, model: Model) =>
  useQuery({
    queryKey: ['campaigns', 'performance', id, model],
    queryFn: ({ signal }) => api.get<{ currency: string; row: AttributionRow }>(`/api/campaigns/${id}/performance`, { model }, signal),
    placeholderData: keepPreviousData,
  });

export const useAttribution = (q: { model: Model; from?: string | null; to?: string | null; groupBy: 'campaign' | 'channel' }) =>
  useQuery({
    queryKey: ['campaigns', 'attribution', q],
    queryFn: ({ signal }) =>
      api.get<Attribution>(
        '/api/attribution',
        { model: q.model, groupBy: q.groupBy, from: q.from || undefined, to: q.to || undefined },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['campaigns'] });
}

export function useSaveCampaign(id: string | null) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: CampaignBody) =>
      id ? api.patch<Campaign>(`/api/campaigns/${id}`, body) : api.post<Campaign>('/api/campaigns', body),
    onSuccess: refresh,
  });
}

export function useDeleteCampaign() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => api.delete<{ ok: true }>(`/api/campaigns/${id}`), onSuccess: refresh });
}

export function useSaveSpend(campaignId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, ...body }: { id?: string; spentOn?: string; amount?: number; currency?: string; note?: string | null }) =>
      id ? api.patch<Spend>(`/api/campaigns/${campaignId}/spend/${id}`, body) : api.post<Spend>(`/api/campaigns/${campaignId}/spend`, body),
    onSuccess: refresh,
  });
}

export function useDeleteSpend(campaignId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/api/campaigns/${campaignId}/spend/${id}`),
    onSuccess: refresh,
  });
}

export function useBuildLink(campaignId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { baseUrl: string; source: string; medium: string; content?: string | null; term?: string | null }) =>
      api.post<UtmLink>(`/api/campaigns/${campaignId}/links`, body),
    onSuccess: refresh,
  });
}

export function useDeleteLink(campaignId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/api/campaigns/${campaignId}/links/${id}`),
    onSuccess: refresh,
  });
}

export function useUnlinkAsset(campaignId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (a: { assetType: string; assetId: string }) =>
      api.delete<{ ok: true }>(`/api/campaigns/${campaignId}/assets/${a.assetType}/${a.assetId}`),
    onSuccess: refresh,
  });
}

export function useRecordTouchpoint(campaignId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: { contactId: string; occurredAt?: string; note?: string | null }) =>
      api.post<Touchpoint>(`/api/campaigns/${campaignId}/touchpoints`, body),
    onSuccess: refresh,
  });
}

export function useDeriveTouchpoints() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => api.post<{ events: number; touchpoints: number; pending: number }>('/api/campaigns/derive-touchpoints'),
    onSuccess: refresh,
  });
}
