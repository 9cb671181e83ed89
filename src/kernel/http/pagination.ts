import { z } from 'zod';
import { AppError } from '../errors.ts';

/** Query parameters of every keyset-paginated list. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50).describe('Rows per page (1-500)'),
  cursor: z.string().max(4000).optional().describe('The nextCursor of the previous page'),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page') });

export function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): unknown[] | undefined {
  if (!cursor) return undefined;
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(v) && v.length === arity) return v;
  } catch {}
  throw new AppError('validation_failed', 'The cursor is not valid; start again from the first page.', { path: ['query', 'cursor'] });
}

/** Cuts a page fetched with limit + 1 rows into items and the next cursor. */
export function toPage<T>(fetched: T[], limit: number, key: (row: T) => unknown[]) {
  const items = fetched.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: fetched.length > limit && last ? encodeCursor(key(last)) : null };
}
