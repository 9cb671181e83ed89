import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api/index.ts';
import type { Company, CompanyBody, CompanyContact, CompanyDetail, UpdateCompanyBody } from '../records/crm-types.ts';

/** One company with its live contact count. */
export const useCompany = (id: string) =>
  useQuery({
    queryKey: ['companies', 'detail', id],
    queryFn: ({ signal }) => api.get<CompanyDetail>(`/api/companies/${id}`, undefined, signal),
    enabled: !!id,
  });

/** The contacts of a company (primary company or associated), first page of 100. */
export const useCompanyContacts = (id: string) =>
  useQuery({
    queryKey: ['companies', 'contacts', id],
    queryFn: ({ signal }) => api.get<Page<CompanyContact>>(`/api/companies/${id}/contacts`, { limit: 100 }, signal),
  });

function useRefresh() {
  const qc = useQueryClient();
  return (id?: string) =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['companies'] }),
      qc.invalidateQueries({ queryKey: ['record-name', 'company'] }),
      qc.invalidateQueries({ queryKey: ['record-search', 'company'] }),
      id ? qc.invalidateQueries({ queryKey: ['timeline', 'company', id] }) : undefined,
    ]);
}

export function useCreateCompany() {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (body: CompanyBody) => api.post<Company>('/api/companies', body), onSuccess: () => refresh() });
}

export function useUpdateCompany(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: UpdateCompanyBody) => api.patch<Company>(`/api/companies/${id}`, body),
    onSuccess: () => refresh(id),
  });
}

export function useDeleteCompany() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/api/companies/${id}`),
    onSuccess: (_r, id) => {
      qc.removeQueries({ queryKey: ['companies', 'detail', id] });
      return qc.invalidateQueries({ queryKey: ['companies', 'list'] });
    },
  });
}
