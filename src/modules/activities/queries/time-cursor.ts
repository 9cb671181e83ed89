import { AppError } from '../../../kernel/errors.ts';

const isoMicros = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Checks a decoded (time, key) cursor: the time with microseconds (as the database keeps it, so no row
 * is skipped or repeated between pages) and a row key (a UUID, optionally with a `:suffix`).
 */
export function checkTimeCursor(values: unknown[] | undefined): [string, string] | undefined {
  if (!values) return undefined;
  const [at, key] = values;
  const keyOk = typeof key === 'string' && uuid.test(key.split(':')[0]!) && /^[0-9a-f-]{36}(:[a-z_]+)?$/.test(key);
  if (typeof at === 'string' && isoMicros.test(at) && keyOk) return [at, key];
  throw new AppError('validation_failed', 'The cursor is not valid; start again from the first page.', { path: ['query', 'cursor'] });
}
