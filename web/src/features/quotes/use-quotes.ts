import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/index.ts';
import type { Order, OrderList, PendingApproval, Quote, QuoteBody, QuoteSettings, QuoteSummary, RevenueSummary } from './quote-types.ts';

export const useDealQuotes = (dealId: string) =>
  useQuery({
    queryKey: ['quotes', 'deal', dealId],
    queryFn: ({ signal }) => api.get<{ items: QuoteSummary[] }>(`/api/deals/${dealId}/quotes`, undefined, signal).then((r) => r.items),
  });

export const useQuote = (id: string | null) =>
  useQuery({
    queryKey: ['quotes', 'detail', id],
    queryFn: ({ signal }) => api.get<Quote>(`/api/quotes/${id}`, undefined, signal),
    enabled: !!id,
  });

export const useQuoteSettings = () =>
  useQuery({ queryKey: ['quote-settings'], queryFn: ({ signal }) => api.get<QuoteSettings>('/api/quote-settings', undefined, signal) });

export const usePendingApprovals = (enabled = true) =>
  useQuery({
    queryKey: ['quotes', 'approvals'],
    queryFn: ({ signal }) => api.get<{ items: PendingApproval[] }>('/api/quote-approvals', undefined, signal).then((r) => r.items),
    enabled,
  });

function useRefresh() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['quotes'] }),
      qc.invalidateQueries({ queryKey: ['orders'] }),
      qc.invalidateQueries({ queryKey: ['notifications'] }),
    ]);
}

/** Creates a quote on a deal (id null) or edits one (the server may answer with a new version). */
export function useSaveQuote(dealId: string, id: string | null) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: QuoteBody) =>
      id ? api.patch<Quote>(`/api/quotes/${id}`, body) : api.post<Quote>(`/api/deals/${dealId}/quotes`, body),
    onSuccess: refresh,
  });
}

export type QuoteAction = 'ready' | 'send' | 'accept' | 'decline' | 'request-approval' | 'approve' | 'reject';

/** One step of a quote: ready, send, accept, decline, request-approval, approve, reject (with a comment). */
export function useQuoteAction() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, action, comment }: { id: string; action: QuoteAction; comment?: string }) =>
      api.post<Quote>(`/api/quotes/${id}/${action}`, comment === undefined ? undefined : { comment }),
    onSuccess: refresh,
  });
}

export function useCreateOrderFromQuote() {
  const refresh = useRefresh();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (quoteId: string) => api.post<Order>(`/api/quotes/${quoteId}/order`),
    onSuccess: () => Promise.all([refresh(), qc.invalidateQueries({ queryKey: ['deals'] })]),
  });
}

export const useOrders = (status: string | null, before: number | null) =>
  useQuery({
    queryKey: ['orders', 'list', status, before],
    queryFn: ({ signal }) => api.get<OrderList>('/api/orders', { status, before, limit: 50 }, signal),
    placeholderData: keepPreviousData,
  });

export const useOrder = (id: string) =>
  useQuery({ queryKey: ['orders', 'detail', id], queryFn: ({ signal }) => api.get<Order>(`/api/orders/${id}`, undefined, signal) });

export const useRevenueSummary = () =>
  useQuery({ queryKey: ['orders', 'summary'], queryFn: ({ signal }) => api.get<RevenueSummary>('/api/orders/summary', undefined, signal) });

/** Moves an order; confirming may win its deal, so deals, contacts and companies refresh too. */
export function useOrderStatus() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status }: { id: string; status: 'confirmed' | 'fulfilled' | 'cancelled' }) =>
      api.post<{ order: Order; wonDealId: string | null }>(`/api/orders/${id}/status`, { status }),
    onSuccess: () =>
      Promise.all(['orders', 'quotes', 'deals', 'contacts', 'companies'].map((k) => qc.invalidateQueries({ queryKey: [k] }))),
  });
}
