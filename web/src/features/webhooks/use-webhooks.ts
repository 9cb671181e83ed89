import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  api,
  type CreatedWebhook,
  type CreateWebhookBody,
  type DeliveryStatus,
  type EventTypeInfo,
  type Page,
  type UpdateWebhookBody,
  type Webhook,
  type WebhookDelivery,
} from '../../lib/api/index.ts';

export const useWebhooks = () =>
  useQuery({
    queryKey: ['webhooks'],
    queryFn: ({ signal }) => api.get<{ items: Webhook[] }>('/api/webhooks', undefined, signal).then((r) => r.items),
  });

export const useWebhook = (id: string) =>
  useQuery({ queryKey: ['webhooks', id], queryFn: ({ signal }) => api.get<Webhook>(`/api/webhooks/${id}`, undefined, signal) });

/** Event types one can subscribe to. */
export const useEventTypes = () =>
  useQuery({
    queryKey: ['event-types'],
    queryFn: ({ signal }) => api.get<{ items: EventTypeInfo[] }>('/api/events/types', undefined, signal).then((r) => r.items),
    staleTime: 5 * 60_000,
  });

function useRefresh() {
  const qc = useQueryClient();
  return () => Promise.all([qc.invalidateQueries({ queryKey: ['webhooks'] }), qc.invalidateQueries({ queryKey: ['audit'] })]);
}

/** Creates a subscription; the answer carries the signing secret. */
export function useCreateWebhook() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: CreateWebhookBody) => api.post<CreatedWebhook>('/api/webhooks', body), onSuccess: refresh });
}

export function useUpdateWebhook(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: UpdateWebhookBody) => api.patch<Webhook>(`/api/webhooks/${id}`, body), onSuccess: refresh });
}

export function useDeleteWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/api/webhooks/${id}`),
    onSuccess: (_r, id) => {
      qc.removeQueries({ queryKey: ['webhooks', id] });
      return qc.invalidateQueries({ queryKey: ['webhooks'], exact: true });
    },
  });
}

/** Reveals the current signing secret (admins only); never cached. */
export function useRevealSecret(id: string) {
  return useMutation({ mutationFn: () => api.get<{ secret: string }>(`/api/webhooks/${id}/secret`) });
}

export function useRotateSecret(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => api.post<{ secret: string; previousSecretExpiresAt: string }>(`/api/webhooks/${id}/rotate-secret`),
    onSuccess: refresh,
  });
}

/** The delivery log of one webhook, newest first, page by page; polls while a delivery is on its way. */
export function useDeliveries(id: string, status?: DeliveryStatus) {
  return useInfiniteQuery({
    queryKey: ['webhooks', id, 'deliveries', status ?? 'all'],
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<WebhookDelivery>>(`/api/webhooks/${id}/deliveries`, { status, cursor: pageParam, limit: 25 }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((d) => d.status === 'pending')) ? 2000 : false),
  });
}

function useRefreshDeliveries(webhookId: string) {
  const qc = useQueryClient();
  return () =>
    Promise.all([qc.invalidateQueries({ queryKey: ['webhooks', webhookId, 'deliveries'] }), qc.invalidateQueries({ queryKey: ['audit'] })]);
}

/** Queues a delivery again. */
export function useResendDelivery(webhookId: string) {
  const refresh = useRefreshDeliveries(webhookId);
  return useMutation({
    mutationFn: (deliveryId: string) => api.post<{ deliveryId: string; jobId: string }>(`/api/webhook-deliveries/${deliveryId}/resend`),
    onSuccess: refresh,
  });
}

/** Sends a `webhook.test` ping to this webhook only. */
export function useSendTestWebhook(webhookId: string) {
  const refresh = useRefreshDeliveries(webhookId);
  return useMutation({
    mutationFn: () => api.post<{ eventId: string; deliveryId: string }>(`/api/webhooks/${webhookId}/test`),
    onSuccess: refresh,
  });
}
