import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api/index.ts';
import {
  type Import,
  type ImportEntity,
  type ImportField,
  type ImportKey,
  type ImportMode,
  liveStatuses,
  type Mapping,
  type Preset,
  type Preview,
  type SavedMapping,
} from './import-types.ts';

/** The fields a column can be mapped to (built-in, custom, owner_email, tags, company_domain …). */
export function useImportFields(entity: ImportEntity) {
  return useQuery({
    queryKey: ['import-fields', entity],
    queryFn: ({ signal }) => api.get<{ fields: ImportField[] }>(`/api/import-fields/${entity}`, undefined, signal),
    staleTime: 60_000,
  });
}

/** The first rows as they would be stored under a mapping (omitted: the server suggests one). */
export function usePreview(fileId: string, entity: ImportEntity, req: { mapping?: Mapping; preset?: Preset }) {
  return useQuery({
    queryKey: ['import-preview', fileId, entity, req],
    queryFn: () => api.post<Preview>(`/api/import-files/${fileId}/preview`, { entity, ...req }),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useSavedMappings(entity: ImportEntity) {
  return useQuery({
    queryKey: ['import-mappings', entity],
    queryFn: ({ signal }) => api.get<{ items: SavedMapping[] }>('/api/import-mappings', { entity }, signal),
  });
}

export interface StartImport {
  fileId: string;
  entity: ImportEntity;
  mode: ImportMode;
  key: ImportKey;
  mapping: Mapping;
  duplicatesInFile: 'merge' | 'report';
  saveMappingAs?: string;
}

export function useStartImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: StartImport) => api.post<{ import: Import }>('/api/imports', body),
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: ['imports'] }), qc.invalidateQueries({ queryKey: ['import-mappings'] })]),
  });
}

/** One import, polled every second while it runs or undoes. */
export function useImport(id: string) {
  return useQuery({
    queryKey: ['imports', id],
    queryFn: ({ signal }) => api.get<{ import: Import }>(`/api/imports/${id}`, undefined, signal),
    refetchInterval: (q) => (q.state.data && liveStatuses.has(q.state.data.import.status) ? 1000 : false),
  });
}

/** The imports history, newest first, a page at a time; polled while one is live. */
export function useImports() {
  return useInfiniteQuery({
    queryKey: ['imports', 'list'],
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: Import[]; nextCursor: string | null }>('/api/imports', { cursor: pageParam, limit: 50 }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((i) => liveStatuses.has(i.status))) ? 2000 : false),
  });
}

function useImportAction(action: 'cancel' | 'undo') {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ import: Import }>(`/api/imports/${id}/${action}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['imports'] }),
  });
}
export const useCancelImport = () => useImportAction('cancel');
export const useUndoImport = () => useImportAction('undo');
