import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { rows } from '../db/helpers.ts';
import { AppError } from '../errors.ts';

/**
 * Counts one hit on `key` in a fixed window shared by every process; throws `rate_limited`
 * (with retryAfterSeconds) once `limit` hits fall inside the window.
 */
export async function hitRateLimit(exec: Executor, key: string, limit: number, windowSeconds: number) {
  const [row] = await rows<{ count: number; retry: number }>(
    exec,
    sql`insert into rate_limits (key, count, reset_at) values (${key}, 1, now() + make_interval(secs => ${windowSeconds}))
        on conflict (key) do update set
          count = case when rate_limits.reset_at <= now() then 1 else rate_limits.count + 1 end,
          reset_at = case when rate_limits.reset_at <= now() then excluded.reset_at else rate_limits.reset_at end
        returning count, ceil(extract(epoch from reset_at - now()))::int as retry`,
  );
  if (row && row.count > limit)
    throw new AppError('rate_limited', `Too many attempts. Try again in ${row.retry} seconds.`, {
      retryAfterSeconds: row.retry,
    });
}

export async function clearRateLimit(exec: Executor, key: string) {
  await exec.execute(sql`delete from rate_limits where key = ${key}`);
}
