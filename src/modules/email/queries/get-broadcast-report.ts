import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { getBroadcast } from './get-broadcasts.ts';

interface Counts {
  variant_id: string | null;
  recipients: number;
  sent: number;
  failed: number;
  suppressed: number;
  hard_bounced: number;
  soft_bounced: number;
  opened: number;
  machine_opened: number;
  clicked: number;
  unsubscribed: number;
  complained: number;
}

const rate = (n: number, d: number) => (d ? Math.round((n / d) * 10_000) / 10_000 : 0);

function withRates(c: Omit<Counts, 'variant_id'>) {
  const delivered = c.sent - c.hard_bounced - c.soft_bounced;
  return {
    ...c,
    delivered,
    openRate: rate(c.opened, delivered),
    clickRate: rate(c.clicked, delivered),
    clickToOpenRate: rate(c.clicked, c.opened),
    bounceRate: rate(c.hard_bounced + c.soft_bounced, c.sent),
    hardBounceRate: rate(c.hard_bounced, c.sent),
    softBounceRate: rate(c.soft_bounced, c.sent),
    unsubscribeRate: rate(c.unsubscribed, delivered),
    complaintRate: rate(c.complained, delivered),
  };
}

/**
 * Per broadcast and per variant: sent, delivered, bounces, human and machine opens, clicks, unsubscribes,
 * complaints and their rates, the click map, and the spam-complaint alarm (above 0.1%, the Gmail/Yahoo limit).
 */
export async function getBroadcastReport(ctx: Ctx, id: string) {
  const broadcast = await getBroadcast(ctx, id);
  const byVariant = await rows<Counts>(
    ctx.db,
    sql`select variant_id, count(*)::int as recipients, count(sent_at)::int as sent, count(*) filter (where status = 'failed')::int as failed,
          count(*) filter (where status = 'suppressed')::int as suppressed,
          count(*) filter (where bounce_type = 'hard')::int as hard_bounced, count(*) filter (where bounce_type = 'soft')::int as soft_bounced,
          count(opened_at)::int as opened, count(*) filter (where machine_opened_at is not null and opened_at is null)::int as machine_opened,
          count(clicked_at)::int as clicked, count(unsubscribed_at)::int as unsubscribed, count(complained_at)::int as complained
        from email_messages where workspace_id = ${ctx.workspaceId} and broadcast_id = ${id} group by variant_id`,
  );
  const zero = {
    recipients: 0,
    sent: 0,
    failed: 0,
    suppressed: 0,
    hard_bounced: 0,
    soft_bounced: 0,
    opened: 0,
    machine_opened: 0,
    clicked: 0,
    unsubscribed: 0,
    complained: 0,
  };
  const total = byVariant.reduce(
    (acc, v) => {
      for (const k of Object.keys(zero) as (keyof typeof zero)[]) acc[k] += v[k];
      return acc;
    },
    { ...zero },
  );
  const links = await rows<{ url: string; clicks: number; unique_clicks: number }>(
    ctx.db,
    sql`select url, clicks, unique_clicks from email_link_clicks where workspace_id = ${ctx.workspaceId} and broadcast_id = ${id} order by clicks desc limit 200`,
  );
  const t = withRates(total);
  return {
    broadcast,
    total: t,
    variants: broadcast.variants.map((v) => {
      const c = byVariant.find((x) => x.variant_id === v.id);
      const { variant_id: _v, ...counts } = c ?? { variant_id: null, ...zero };
      return { id: v.id, label: v.label, winner: broadcast.winnerVariantId === v.id, ...withRates(counts) };
    }),
    links: links.map((l) => ({ url: l.url, clicks: l.clicks, uniqueClicks: l.unique_clicks })),
    complaintAlarm: t.complaintRate > 0.001,
  };
}
