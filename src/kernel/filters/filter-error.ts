import { AppError, registerErrorCodes } from '../errors.ts';

registerErrorCodes({ filter_invalid: 400, sort_invalid: 400 });

export type FilterPath = readonly (string | number)[];

/** The error for a bad filter node: the message says what to fix, details.path points at the node. */
export function filterInvalid(path: FilterPath, message: string, extra?: Record<string, unknown>): AppError {
  return new AppError('filter_invalid', `At ${path.join('.')}: ${message}`, { path: [...path], ...extra });
}

export function sortInvalid(path: FilterPath, message: string): AppError {
  return new AppError('sort_invalid', `At ${path.join('.')}: ${message}`, { path: [...path] });
}

export const cursorInvalid = () =>
  new AppError('validation_failed', 'The cursor is not valid; start again from the first page.', { path: ['query', 'cursor'] });

/** Shortens user text quoted in a message so a hostile value cannot flood logs. */
export const quote = (v: unknown) => {
  const s = typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v));
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 60)}…` : s);
};
