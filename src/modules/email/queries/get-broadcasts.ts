import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { audiencePage, firstId } from '../audience.ts';
import type { Audience } from '../schema.ts';

const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null);

function shape(b: Record<string, unknown>, variants: Record<string, unknown>[], progress: Record<string, number>) {
  return {
    id: b.id as string,
    name: b.name as string,
    status: b.status as never,
    senderId: b.sender_id as string,
    subscriptionTypeId: (b.subscription_type_id as string) ?? null,
    campaignId: (b.campaign_id as string) ?? null,
    audience: b.audience,
    testFraction: Number(b.test_fraction),
    winnerMetric: b.winner_metric as string,
    winnerAfterHours: Number(b.winner_after_hours),
    winnerVariantId: (b.winner_variant_id as string) ?? null,
    scheduledAt: iso(b.scheduled_at),
    startedAt: iso(b.started_at),
    finishedAt: iso(b.finished_at),
    recipientCount: Number(b.recipient_count),
    variants: variants.map((v) => ({
      id: v.id as string,
      label: v.label as string,
      subject: (v.subject as string) ?? null,
      templateVersionId: v.template_version_id as string,
    })),
    progress,
    createdAt: iso(b.created_at)!,
  };
}

/** The variants of these broadcasts, by broadcast id (A, B, … in order). */
async function variantsOf(ctx: Ctx, ids: string[]) {
  const out = new Map<string, Record<string, unknown>[]>();
  if (!ids.length) return out;
  const list = await rows(
    ctx.db,
    sql`select * from email_broadcast_variants where workspace_id = ${ctx.workspaceId} and broadcast_id in ${ids} order by label`,
  );
  for (const v of list) {
    const id = v.broadcast_id as string;
    if (!out.has(id)) out.set(id, []);
    out.get(id)!.push(v);
  }
  return out;
}

/** Message counts by status of these broadcasts (their sending progress), by broadcast id, from the (broadcast, status) index. */
async function messageCounts(ctx: Ctx, ids: string[]) {
  const out = new Map<string, Record<string, number>>();
  if (!ids.length) return out;
  const counts = await rows<{ broadcast_id: string; status: string; n: number }>(
    ctx.db,
    sql`select broadcast_id, status, count(*)::int as n from email_messages
        where workspace_id = ${ctx.workspaceId} and broadcast_id in ${ids} group by 1, 2`,
  );
  for (const c of counts) out.set(c.broadcast_id, { ...out.get(c.broadcast_id), [c.status]: c.n });
  return out;
}

/** A broadcast with its variants and message counts by status (the sending progress). */
export async function getBroadcast(ctx: Ctx, id: string) {
  const [b] = await rows(ctx.db, sql`select * from email_broadcasts where workspace_id = ${ctx.workspaceId} and id = ${id}`);
  if (!b) throw new AppError('email_broadcast_not_found', `No broadcast with id ${id} in this workspace.`, { id });
  const variants = await variantsOf(ctx, [id]);
  const counts = await messageCounts(ctx, [id]);
  return shape(b, variants.get(id) ?? [], counts.get(id) ?? {});
}

export async function getBroadcasts(ctx: Ctx) {
  const list = await rows(
    ctx.db,
    sql`select * from email_broadcasts where workspace_id = ${ctx.workspaceId} order by created_at desc, id desc limit 500`,
  );
  // Progress is counted for the broadcasts still under way only. A finished one is done by definition, and counting
  // every message of every past broadcast on each list view would grow without bound.
  const live = list.filter((b) => liveStatuses.has(b.status as string)).map((b) => b.id as string);
  const variants = await variantsOf(
    ctx,
    list.map((b) => b.id as string),
  );
  const counts = await messageCounts(ctx, live);
  return list.map((b) => shape(b, variants.get(b.id as string) ?? [], counts.get(b.id as string) ?? {}));
}

const liveStatuses = new Set(['sending', 'testing', 'paused']);

/** How many contacts the audience has now, and how many of them sending would skip (suppressed, opted out). */
export async function estimateBroadcast(ctx: Ctx, audience: Audience, subscriptionTypeId: string | null) {
  let after = firstId;
  let total = 0;
  let suppressed = 0;
  const ws = ctx.workspaceId;
  for (;;) {
    const page = await audiencePage(ctx.db, ws, audience, after, 5000);
    if (!page.length) break;
    after = page[page.length - 1]!.id;
    total += page.length;
    const [s] = await rows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from contacts c where c.workspace_id = ${ws} and c.id in ${page.map((p) => p.id)} and (
            c.do_not_contact or c.email_consent = 'unsubscribed'
            or exists (select 1 from email_suppressions s where s.workspace_id = ${ws} and s.email = lower(c.email))
            or exists (select 1 from email_opt_outs o where o.workspace_id = ${ws} and o.contact_id = c.id and o.type_id = ${subscriptionTypeId}::uuid))`,
    );
    suppressed += s!.n;
  }
  return { audience: total, suppressed, recipients: total - suppressed };
}
