import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/index.ts';
import type {
  Audience,
  Broadcast,
  BroadcastBody,
  Domain,
  Estimate,
  OutboxItem,
  OutboxMessage,
  Preview,
  Report,
  Sender,
  SubscriptionType,
  Suppression,
  SuppressionReason,
  Template,
  TemplateDraft,
  TemplateListItem,
  TemplateVersion,
  Transport,
} from './email-types.ts';

const items = <T>(path: string, signal?: AbortSignal) => api.get<{ items: T[] }>(path, undefined, signal).then((r) => r.items);

export const useTemplates = () =>
  useQuery({ queryKey: ['email', 'templates'], queryFn: ({ signal }) => items<TemplateListItem>('/api/email/templates', signal) });
export const useTemplate = (id: string) =>
  useQuery({
    queryKey: ['email', 'template', id],
    queryFn: ({ signal }) => api.get<Template>(`/api/email/templates/${id}`, undefined, signal),
  });
export const useTemplateVersions = (id: string) =>
  useQuery({
    queryKey: ['email', 'template', id, 'versions'],
    queryFn: ({ signal }) => items<TemplateVersion>(`/api/email/templates/${id}/versions`, signal),
  });

/** The rendered draft; the key is the (already debounced) draft, so typing fast makes one request per pause. */
export const usePreview = (id: string, draft: Omit<TemplateDraft, 'name'> | null, contactId: string | null) =>
  useQuery({
    queryKey: ['email', 'preview', id, draft, contactId],
    queryFn: () =>
      api.post<Preview>(`/api/email/templates/${id}/preview`, {
        ...(draft ?? {}),
        contactId: contactId ?? undefined,
      }),
    enabled: draft !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });

export const useBroadcasts = () =>
  useQuery({ queryKey: ['email', 'broadcasts'], queryFn: ({ signal }) => items<Broadcast>('/api/email/broadcasts', signal) });

const live = (s: string | undefined) => s === 'sending' || s === 'testing' || s === 'scheduled';

/** A broadcast; polled every second while it is sending so the progress moves. */
export const useBroadcast = (id: string) =>
  useQuery({
    queryKey: ['email', 'broadcast', id],
    queryFn: ({ signal }) => api.get<Broadcast>(`/api/email/broadcasts/${id}`, undefined, signal),
    refetchInterval: (q) => (live(q.state.data?.status) ? 1000 : false),
  });
/** The report; refetched every few seconds while sending and once more when the status changes (e.g. to sent). */
export const useReport = (id: string, status: string | undefined, refresh: boolean) =>
  useQuery({
    queryKey: ['email', 'broadcast', id, 'report', status],
    queryFn: ({ signal }) => api.get<Report>(`/api/email/broadcasts/${id}/report`, undefined, signal),
    enabled: status !== undefined,
    placeholderData: keepPreviousData,
    refetchInterval: refresh ? 3000 : false,
  });

export const useEstimate = (audience: Audience | null, subscriptionTypeId: string | null) =>
  useQuery({
    queryKey: ['email', 'estimate', audience, subscriptionTypeId],
    queryFn: () => api.post<Estimate>('/api/email/broadcasts/estimate', { audience, subscriptionTypeId }),
    enabled: audience !== null,
    placeholderData: keepPreviousData,
    retry: false,
  });

export const useSenders = () =>
  useQuery({ queryKey: ['email', 'senders'], queryFn: ({ signal }) => items<Sender>('/api/email/senders', signal) });
export const useTransports = (enabled = true) =>
  useQuery({ queryKey: ['email', 'transports'], queryFn: ({ signal }) => items<Transport>('/api/email/transports', signal), enabled });
export const useDomains = () =>
  useQuery({ queryKey: ['email', 'domains'], queryFn: ({ signal }) => items<Domain>('/api/email/domains', signal) });
export const useSubscriptionTypes = () =>
  useQuery({
    queryKey: ['email', 'subscription-types'],
    queryFn: ({ signal }) => items<SubscriptionType>('/api/email/subscription-types', signal),
  });

export const useSuppressions = (q: string, reason: SuppressionReason | null) =>
  useInfiniteQuery({
    queryKey: ['email', 'suppressions', q, reason],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ signal, pageParam }) =>
      api.get<{ items: Suppression[]; next: string | null }>(
        '/api/email/suppressions',
        { q: q || undefined, reason: reason ?? undefined, after: pageParam, limit: 50 },
        signal,
      ),
    getNextPageParam: (last) => last.next ?? undefined,
    placeholderData: keepPreviousData,
  });

export const useOutbox = () =>
  useInfiniteQuery({
    queryKey: ['email', 'outbox'],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ signal, pageParam }) =>
      api.get<{ items: OutboxItem[]; next: string | null }>('/api/email/outbox', { before: pageParam, limit: 50 }, signal),
    getNextPageParam: (last) => last.next ?? undefined,
  });
export const useOutboxMessage = (id: string | null) =>
  useQuery({
    queryKey: ['email', 'outbox', 'one', id],
    queryFn: ({ signal }) => api.get<OutboxMessage>(`/api/email/outbox/${id}`, undefined, signal),
    enabled: !!id,
  });

function useRefresh(...key: string[]) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['email', ...key] });
}

export function useSaveTemplate(id: string | null) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: Partial<TemplateDraft>) =>
      id ? api.patch<Template>(`/api/email/templates/${id}`, body) : api.post<Template>('/api/email/templates', body),
    onSuccess: refresh,
  });
}
export const useTestSend = () =>
  useMutation({
    mutationFn: (body: { templateId: string; to?: string; contactId?: string; senderId?: string }) =>
      api.post<{ id: string; status: string; to: string }>('/api/email/send', body),
  });

export function useCreateBroadcast() {
  const refresh = useRefresh('broadcasts');
  return useMutation({ mutationFn: (body: BroadcastBody) => api.post<Broadcast>('/api/email/broadcasts', body), onSuccess: refresh });
}
export function useBroadcastAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({
      id,
      action,
      scheduledAt,
    }: {
      id: string;
      action: 'send' | 'pause' | 'resume' | 'cancel';
      scheduledAt?: string | null;
    }) =>
      api.post<Broadcast>(`/api/email/broadcasts/${id}/${action}`, action === 'send' ? { scheduledAt: scheduledAt ?? null } : undefined),
    onSuccess: (b) => {
      qc.setQueryData(['email', 'broadcast', b.id], b);
      return qc.invalidateQueries({ queryKey: ['email'] });
    },
  });
}
export function useSaveSender(id: string | null) {
  const refresh = useRefresh('senders');
  return useMutation({
    mutationFn: (body: Partial<Omit<Sender, 'id'>>) =>
      id ? api.patch<Sender>(`/api/email/senders/${id}`, body) : api.post<Sender>('/api/email/senders', body),
    onSuccess: refresh,
  });
}
export function useDeleteSender() {
  const refresh = useRefresh('senders');
  return useMutation({ mutationFn: (id: string) => api.delete<{ ok: true }>(`/api/email/senders/${id}`), onSuccess: refresh });
}
export function useCreateTransport() {
  const refresh = useRefresh('transports');
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<Transport>('/api/email/transports', body),
    onSuccess: refresh,
  });
}
export function useDeleteTransport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/api/email/transports/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['email'] }),
  });
}
export function useCreateDomain() {
  const refresh = useRefresh('domains');
  return useMutation({
    mutationFn: (body: { domain: string; selector?: string }) => api.post<Domain>('/api/email/domains', body),
    onSuccess: refresh,
  });
}
export function useCreateSubscriptionType() {
  const refresh = useRefresh('subscription-types');
  return useMutation({
    mutationFn: (body: { key: string; name: string; description?: string }) =>
      api.post<SubscriptionType>('/api/email/subscription-types', body),
    onSuccess: refresh,
  });
}
export function useAddSuppression() {
  const refresh = useRefresh('suppressions');
  return useMutation({
    mutationFn: (body: { email: string; detail?: string }) => api.post('/api/email/suppressions', body),
    onSuccess: refresh,
  });
}
export function useRemoveSuppression() {
  const refresh = useRefresh('suppressions');
  return useMutation({
    mutationFn: (email: string) => api.delete(`/api/email/suppressions/${encodeURIComponent(email)}`),
    onSuccess: refresh,
  });
}
