import { sql } from 'drizzle-orm';
import type { Executor } from '../../../kernel/db/index.ts';
import { rows } from '../../../kernel/db/index.ts';
import { decryptSecret, emailRuntime } from '../runtime.ts';
import type { DkimKey } from './mime.ts';
import { SmtpPool } from './smtp-pool.ts';

/** Where a message goes: an SMTP relay (with its rolling caps), or the in-app outbox when none is configured. */
export type DeliveryTarget =
  | { kind: 'smtp'; transportId: string | null; pool: SmtpPool; hourlyCap: number | null; dailyCap: number | null; label: string }
  | { kind: 'outbox' };

interface TransportRow {
  id: string;
  name: string;
  host: string;
  port: number;
  secure: boolean;
  username: string | null;
  password_enc: string | null;
  concurrency: number;
  per_second: number | null;
  hourly_cap: number | null;
  daily_cap: number | null;
  updated_at: string;
}

const pools = new Map<string, SmtpPool>();

function poolFor(key: string, make: () => SmtpPool): SmtpPool {
  let p = pools.get(key);
  if (!p) {
    p = make();
    pools.set(key, p);
  }
  return p;
}

/** Closes every open SMTP connection (worker shutdown, tests). */
export function closeSmtpPools() {
  for (const p of pools.values()) p.close();
  pools.clear();
}

/** The sender's transport, else the workspace default, else SMTP_URL, else the outbox. */
export async function resolveTarget(exec: Executor, workspaceId: string, transportId: string | null): Promise<DeliveryTarget> {
  const [t] = await rows<TransportRow>(
    exec,
    sql`select id, name, host, port, secure, username, password_enc, concurrency, per_second, hourly_cap, daily_cap, updated_at::text
        from email_transports where workspace_id = ${workspaceId}
        and ${transportId ? sql`id = ${transportId}` : sql`is_default`} order by created_at limit 1`,
  );
  if (t) {
    const pool = poolFor(`${t.id}:${t.updated_at}`, () => {
      return new SmtpPool({
        host: t.host,
        port: t.port,
        secure: t.secure,
        user: t.username,
        pass: t.password_enc ? decryptSecret(t.password_enc) : null,
        concurrency: t.concurrency,
        perSecond: t.per_second,
      });
    });
    return { kind: 'smtp', transportId: t.id, pool, hourlyCap: t.hourly_cap, dailyCap: t.daily_cap, label: t.name };
  }
  const url = emailRuntime().smtpUrl;
  if (url) {
    const u = new URL(url);
    const pool = poolFor(`instance:${url}`, () => {
      return new SmtpPool({
        host: u.hostname,
        port: Number(u.port) || (u.protocol === 'smtps:' ? 465 : 587),
        secure: u.protocol === 'smtps:',
        user: u.username ? decodeURIComponent(u.username) : null,
        pass: u.password ? decodeURIComponent(u.password) : null,
        concurrency: Number(u.searchParams.get('pool') ?? 5),
        perSecond: u.searchParams.get('rate') ? Number(u.searchParams.get('rate')) : null,
      });
    });
    return { kind: 'smtp', transportId: null, pool, hourlyCap: null, dailyCap: null, label: 'SMTP_URL' };
  }
  return { kind: 'outbox' };
}

/**
 * How many more messages the transport may send now under its rolling caps: sends counted from email_messages in
 * the last hour and the last 24 hours (a true sliding window, not a counter reset on the hour).
 */
/** How many of `want` more messages the transport's caps allow now; `pending` are claimed but not yet counted as sent. */
export async function capacityLeft(
  exec: Executor,
  target: DeliveryTarget,
  want: number,
  pending = 0,
): Promise<{ n: number; retryAt?: Date }> {
  if (target.kind !== 'smtp' || !target.transportId || (!target.hourlyCap && !target.dailyCap)) return { n: want };
  const [c] = await rows<{ hour: number; day: number; oldest_hour: string | null; oldest_day: string | null }>(
    exec,
    sql`select count(*) filter (where sent_at > now() - interval '1 hour')::int as hour, count(*)::int as day,
          min(sent_at) filter (where sent_at > now() - interval '1 hour')::text as oldest_hour, min(sent_at)::text as oldest_day
        from email_messages where transport_id = ${target.transportId} and sent_at > now() - interval '24 hours'`,
  );
  let n = want;
  let retryAt: Date | undefined;
  if (target.hourlyCap) {
    const left = target.hourlyCap - c!.hour - pending;
    if (left < n) n = Math.max(0, left);
    if (left <= 0 && c!.oldest_hour) retryAt = new Date(new Date(c!.oldest_hour).getTime() + 3600_000 + 1000);
  }
  if (target.dailyCap) {
    const left = target.dailyCap - c!.day - pending;
    if (left < n) n = Math.max(0, left);
    if (left <= 0 && c!.oldest_day) retryAt = new Date(new Date(c!.oldest_day).getTime() + 86400_000 + 1000);
  }
  return { n, retryAt };
}

/** The DKIM key of the From address's domain, when the workspace set one up. */
export async function dkimKeyFor(exec: Executor, workspaceId: string, fromEmail: string): Promise<DkimKey | undefined> {
  const domain = fromEmail.split('@')[1]?.toLowerCase();
  if (!domain) return undefined;
  const [d] = await rows<{ selector: string; private_key_enc: string }>(
    exec,
    sql`select selector, private_key_enc from email_domains where workspace_id = ${workspaceId} and domain = ${domain}`,
  );
  return d ? { domainName: domain, keySelector: d.selector, privateKey: decryptSecret(d.private_key_enc) } : undefined;
}
