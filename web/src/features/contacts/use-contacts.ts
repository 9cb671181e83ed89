import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/index.ts';
import type { Consent, ConsentBody, ContactBody, ContactDetail } from '../records/crm-types.ts';

export const contactQuery = (id: string) => ({
  queryKey: ['contacts', 'detail', id],
  queryFn: ({ signal }: { signal: AbortSignal }) => api.get<ContactDetail>(`/api/contacts/${id}`, undefined, signal),
});

/** One contact with its emails, phones and companies. */
export const useContact = (id: string) => useQuery({ ...contactQuery(id), enabled: !!id });

/** After a change: lists, names, the record and its timeline. */
function useRefresh() {
  const qc = useQueryClient();
  return (id?: string) =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['contacts'] }),
      qc.invalidateQueries({ queryKey: ['record-name', 'contact'] }),
      qc.invalidateQueries({ queryKey: ['record-search', 'contact'] }),
      id ? qc.invalidateQueries({ queryKey: ['timeline', 'contact', id] }) : undefined,
    ]);
}

export function useCreateContact() {
  const qc = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ContactBody) => api.post<ContactDetail>('/api/contacts', body),
    // A work email may have created a company too.
    onSuccess: () => Promise.all([refresh(), qc.invalidateQueries({ queryKey: ['companies'] })]),
  });
}

export function useUpdateContact(id: string) {
  const qc = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: ContactBody) => api.patch<ContactDetail>(`/api/contacts/${id}`, body),
    onSuccess: (contact) => {
      qc.setQueryData(['contacts', 'detail', id], contact);
      return Promise.all([refresh(id), qc.invalidateQueries({ queryKey: ['companies'] })]);
    },
  });
}

export function useDeleteContact() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/api/contacts/${id}`),
    onSuccess: (_r, id) => {
      qc.removeQueries({ queryKey: ['contacts', 'detail', id] });
      return qc.invalidateQueries({ queryKey: ['contacts', 'list'] });
    },
  });
}

/** The contact's email consent and its history. */
export const useConsent = (id: string) =>
  useQuery({
    queryKey: ['contacts', 'consent', id],
    queryFn: ({ signal }) => api.get<Consent>(`/api/contacts/${id}/consent`, undefined, signal),
  });

export function useRecordConsent(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: ConsentBody) => api.post(`/api/contacts/${id}/consent`, body), onSuccess: () => refresh(id) });
}
