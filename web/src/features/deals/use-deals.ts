import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/index.ts';
import type { FilterNode } from '../records/crm-types.ts';
import type { Board, DealBody, DealDetail, MoveDealBody, Pipeline, PipelineBody, StageHistory, UpdateDealBody } from './deal-types.ts';

export const usePipelines = () =>
  useQuery({
    queryKey: ['pipelines'],
    queryFn: ({ signal }) => api.get<{ items: Pipeline[] }>('/api/pipelines', undefined, signal).then((r) => r.items),
  });

const filterParam = (filter: FilterNode | null) => (filter ? JSON.stringify(filter) : undefined);

/** A pipeline's board: per-column totals and the first cards. */
export const useBoard = (pipelineId: string | null, filter: FilterNode | null) =>
  useQuery({
    queryKey: ['deals', 'board', pipelineId, filter],
    queryFn: ({ signal }) => api.get<Board>(`/api/pipelines/${pipelineId}/board`, { limit: 25, filter: filterParam(filter) }, signal),
    enabled: !!pipelineId,
    placeholderData: keepPreviousData,
  });

export const useDeal = (id: string) =>
  useQuery({
    queryKey: ['deals', 'detail', id],
    queryFn: ({ signal }) => api.get<DealDetail>(`/api/deals/${id}`, undefined, signal),
  });

export const useStageHistory = (id: string) =>
  useQuery({
    queryKey: ['deals', 'history', id],
    queryFn: ({ signal }) => api.get<StageHistory>(`/api/deals/${id}/stage-history`, undefined, signal),
  });

function useRefresh() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['deals'] });
}

export function useCreateDeal() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: DealBody) => api.post<DealDetail>('/api/deals', body), onSuccess: refresh });
}

export function useUpdateDeal(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: UpdateDealBody) => api.patch<DealDetail>(`/api/deals/${id}`, body), onSuccess: refresh });
}

/** Moves a deal (the server runs the win/loss flow); contacts and companies may change too on a win. */
export function useMoveDeal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: MoveDealBody & { id: string }) =>
      api.post<{ deal: DealDetail; moved: boolean; customers: string[]; companyMarked: boolean }>(`/api/deals/${id}/move`, body),
    onSuccess: (r) =>
      Promise.all([
        qc.invalidateQueries({ queryKey: ['deals'] }),
        r.customers.length ? qc.invalidateQueries({ queryKey: ['contacts'] }) : undefined,
        r.companyMarked ? qc.invalidateQueries({ queryKey: ['companies'] }) : undefined,
      ]),
  });
}

export function useDeleteDeal() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (id: string) => api.delete<{ ok: true }>(`/api/deals/${id}`), onSuccess: refresh });
}

export function useSavePipeline(id: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PipelineBody) =>
      id ? api.patch<Pipeline>(`/api/pipelines/${id}`, body) : api.post<Pipeline>('/api/pipelines', body),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['pipelines'] }), qc.invalidateQueries({ queryKey: ['deals'] })]),
  });
}

export function useDeletePipeline() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/api/pipelines/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['pipelines'] }),
  });
}

/** Converts a contact into a deal (company found or created, lifecycle → opportunity). */
export function useConvertContact(contactId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.post<{ deal: DealDetail; companyId: string | null }>(`/api/contacts/${contactId}/convert`, body),
    onSuccess: () => Promise.all(['deals', 'contacts', 'companies', 'timeline'].map((k) => qc.invalidateQueries({ queryKey: [k] }))),
  });
}
