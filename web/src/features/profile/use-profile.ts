import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, type UpdateMeBody } from '../../lib/api/index.ts';

/** Changes one's own name or password; other sessions end on a password change. */
export function useUpdateProfile() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateMeBody) => api.patch<{ ok: true }>('/api/me', body),
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: ['me'] }), qc.invalidateQueries({ queryKey: ['members'] })]),
  });
}
