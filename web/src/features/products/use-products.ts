import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { catalogTypes } from '../../../../src/modules/catalog/index.ts';
import { api, type Wire } from '../../lib/api/index.ts';

type C = typeof catalogTypes;
export type Product = Wire<z.output<C['productSchema']>>;
export type ProductBody = z.input<C['productBody']>;
export type PriceBook = Wire<z.output<C['priceBookSchema']>>;

export const useProducts = (q: string) =>
  useQuery({
    queryKey: ['products', q],
    queryFn: ({ signal }) => api.get<{ items: Product[] }>('/api/products', { q }, signal).then((r) => r.items),
  });

export const usePriceBooks = () =>
  useQuery({
    queryKey: ['price-books'],
    queryFn: ({ signal }) => api.get<{ items: PriceBook[] }>('/api/price-books', undefined, signal).then((r) => r.items),
  });

export function useSaveProduct(id: string | null) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<ProductBody>) =>
      id ? api.patch<Product>(`/api/products/${id}`, body) : api.post<Product>('/api/products', body),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['products'] }), qc.invalidateQueries({ queryKey: ['price-books'] })]),
  });
}

export function useCreatePriceBook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<PriceBook>('/api/price-books', { name }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['price-books'] }),
  });
}
