import { AppError } from '../../../kernel/errors.ts';
import { normalizeOrigin } from '../collect/origins.ts';

/** Allowed origins as hosts, deduplicated; a 400 naming the entry that is not a domain. */
export function checkOrigins(list: string[]): string[] {
  const out: string[] = [];
  list.forEach((raw, i) => {
    const host = normalizeOrigin(raw);
    if (!host)
      throw new AppError('validation_failed', `"${raw}" is not a domain. Write it like www.example.com, *.example.com or localhost:3000.`, {
        issues: [{ path: ['body', 'allowedOrigins', i], message: `"${raw}" is not a domain: write www.example.com or *.example.com` }],
      });
    if (!out.includes(host)) out.push(host);
  });
  return out;
}
