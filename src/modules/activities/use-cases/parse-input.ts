import { z } from 'zod';
import { AppError } from '../../../kernel/errors.ts';

type Path = (string | number)[];

/**
 * Parses with a zod schema, or throws validation_failed with the path of the first bad field
 * (under `root`, e.g. ['body']) and every issue, the same shape the HTTP layer gives.
 */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown, root: Path = ['body']): z.output<T> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => {
    const keys = i.code === 'unrecognized_keys' ? i.keys : undefined;
    const path = [...root, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), ...(keys?.length === 1 ? keys : [])];
    return { path, message: keys?.length === 1 ? `${keys[0]} is not a field here; remove it` : i.message };
  });
  const first = issues[0]!;
  throw new AppError('validation_failed', `Invalid ${first.path.join('.')}: ${first.message}`, { path: first.path, issues });
}

/** An ISO 8601 time with offset, normalized to UTC (`…Z`), so stored JSON compares and re-parses cleanly. */
export const isoTime = () =>
  z.iso
    .datetime({ offset: true, error: 'must be an ISO 8601 time with a time zone, such as 2024-05-01T09:30:00Z' })
    .transform((s) => new Date(s).toISOString());
