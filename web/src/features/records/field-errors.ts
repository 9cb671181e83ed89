import { ApiError } from '../../lib/api/index.ts';

interface Issue {
  path?: (string | number)[];
  message?: string;
}

/** "body.emails.0.email" → "emails.0.email": where in the request body a problem is. */
const keyOf = (path: (string | number)[]) => (['body', 'query', 'params'].includes(String(path[0])) ? path.slice(1) : path).join('.');

/** Capital first letter, so zod's "must be…" and our sentences read the same under a field. */
const sentence = (m: string) => m.charAt(0).toUpperCase() + m.slice(1);

/**
 * The server's validation problems by form field: every zod issue and the AppError's details.path
 * (with its message), mapped through `aliases` (e.g. "emails.0.email" → "email"). `unplaced` is true
 * when the error names no field the form shows, so the form shows it as an alert instead.
 */
export function fieldErrors(error: unknown, shown: string[], aliases: Record<string, string> = {}) {
  const byField: Record<string, string> = {};
  if (!(error instanceof ApiError)) return { byField, unplaced: error != null };
  const d = error.details as { issues?: Issue[]; path?: (string | number)[] } | undefined;
  const add = (path: (string | number)[] | undefined, message: string) => {
    if (!path) return;
    const key = keyOf(path);
    const field = aliases[key] ?? key;
    if (shown.includes(field)) byField[field] ??= sentence(message);
  };
  for (const i of d?.issues ?? []) add(i.path, i.message ?? 'Invalid value');
  add(d?.path, error.message);
  return { byField, unplaced: Object.keys(byField).length === 0 };
}
