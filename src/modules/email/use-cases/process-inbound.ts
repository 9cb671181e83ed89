import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import type { Executor } from '../../../kernel/db/index.ts';
import { rows } from '../../../kernel/db/index.ts';
import { logActivity } from '../../activities/index.ts';
import { recordConsent } from '../../contacts/index.ts';
import { recordContactEvents } from '../../engagement/index.ts';
import { type InboundResult, type ParsedInbound, parseInbound } from '../bounces/parse-inbound.ts';
import { systemActorCtx } from '../ctx.ts';
import type { SuppressionReason } from '../schema.ts';
import { suppressAddress } from './manage-subscriptions.ts';

/** Soft bounces of one address within this window that put it on the suppression list. */
export const softBounceLimit = 3;
export const softBounceWindowDays = 7;

/** ARF feedback types that are a person's complaint (auth-failure and dmarc reports are about our authentication). */
const personalFeedback = (t: string | null | undefined) => !t || !/^(auth-failure|dmarc)$/i.test(t);

interface MessageRow {
  id: string;
  workspace_id: string;
  contact_id: string | null;
  to_email: string;
  broadcast_id: string | null;
  campaign_id: string | null;
  subject: string | null;
  from_email: string | null;
}

async function messageById(exec: Executor, id: string, ws: string | null) {
  const [m] = await rows<MessageRow>(
    exec,
    sql`select m.id, m.workspace_id, m.contact_id, m.to_email, m.broadcast_id, b.campaign_id, m.subject, s.from_email
        from email_messages m
        left join email_broadcasts b on b.workspace_id = m.workspace_id and b.id = m.broadcast_id
        left join email_senders s on s.workspace_id = m.workspace_id and s.id = m.sender_id
        where m.id = ${id} ${ws ? sql`and m.workspace_id = ${ws}` : sql``}`,
  );
  return m;
}

const strength: Record<SuppressionReason, number> = { manual: 0, soft_bounces: 1, unsubscribed: 2, hard_bounce: 3, complaint: 3 };

/** Suppresses once: an address already suppressed for this reason or a stronger one is left as it is (no second audit). */
async function suppressOnce(ctx: Ctx, email: string, reason: SuppressionReason, detail: string, contactId: string | null) {
  const [s] = await rows<{ reason: SuppressionReason }>(
    ctx.db,
    sql`select reason from email_suppressions where workspace_id = ${ctx.workspaceId} and email = ${email}`,
  );
  if (s && strength[s.reason] >= strength[reason]) return false;
  await suppressAddress(ctx, { email, reason, detail: detail.slice(0, 500), contactId });
  return true;
}

async function contactOf(ctx: Ctx, email: string | null) {
  if (!email) return null;
  const [c] = await rows<{ id: string }>(
    ctx.db,
    sql`select ce.contact_id as id from contact_emails ce join contacts c on c.workspace_id = ce.workspace_id and c.id = ce.contact_id
        where ce.workspace_id = ${ctx.workspaceId} and lower(ce.email) = ${email} and c.deleted_at is null limit 1`,
  );
  return c?.id ?? null;
}

/**
 * The rules for one result: hard bounce → suppressed (`hard_bounce`); the third soft bounce of an address within
 * 7 days → suppressed (`soft_bounces`); complaint → suppressed (`complaint`) and the contact's consent becomes
 * unsubscribed; the message gets `bounced_at`/`bounce_type`/`complained_at` and contact_events get
 * email_bounce/email_complaint (once per message); a person's reply goes on the contact's timeline.
 */
async function applyResult(ctx: Ctx, r: InboundResult, msg: MessageRow | undefined, parsed: ParsedInbound) {
  const address = msg?.to_email ?? r.recipient;
  const contactId = msg?.contact_id ?? (await contactOf(ctx, address));
  const ws = ctx.workspaceId;
  const event = (kind: 'email_bounce' | 'email_complaint', props: Record<string, unknown>) =>
    contactId
      ? recordContactEvents(ctx.db, ws, [
          { kind, contactId, subjectId: msg?.broadcast_id ?? msg?.id ?? null, campaignId: msg?.campaign_id ?? null, props },
        ])
      : Promise.resolve([]);
  const detail = [r.status, r.diagnostic].filter(Boolean).join(' ');

  if (r.kind === 'hard' || r.kind === 'soft') {
    const first = msg
      ? await rows(
          ctx.db,
          sql`update email_messages set bounced_at = now(), bounce_type = ${r.kind}
              where workspace_id = ${ws} and id = ${msg.id} and (bounced_at is null or (bounce_type = 'soft' and ${r.kind} = 'hard'))
              returning id`,
        )
      : [];
    if (first.length)
      await event('email_bounce', { messageId: msg!.id, type: r.kind, status: r.status, diagnostic: r.diagnostic?.slice(0, 500) ?? null });
    if (!address) return;
    if (r.kind === 'hard') await suppressOnce(ctx, address, 'hard_bounce', detail, contactId);
    else if (msg) {
      const [n] = await rows<{ n: number }>(
        ctx.db,
        sql`select count(*)::int as n from email_messages where workspace_id = ${ws} and to_email = ${address}
            and bounce_type = 'soft' and bounced_at > now() - make_interval(days => ${softBounceWindowDays})`,
      );
      if ((n?.n ?? 0) >= softBounceLimit)
        await suppressOnce(
          ctx,
          address,
          'soft_bounces',
          `${n!.n} soft bounces in ${softBounceWindowDays} days; last: ${detail}`,
          contactId,
        );
    }
    return;
  }

  if (r.kind === 'complaint') {
    if (!personalFeedback(r.feedbackType)) return;
    const first = msg
      ? await rows(
          ctx.db,
          sql`update email_messages set complained_at = now() where workspace_id = ${ws} and id = ${msg.id} and complained_at is null returning id`,
        )
      : [];
    if (first.length) await event('email_complaint', { messageId: msg!.id, feedbackType: r.feedbackType ?? null });
    if (address) await suppressOnce(ctx, address, 'complaint', `spam complaint (${r.feedbackType ?? 'abuse'})`, contactId);
    if (contactId) {
      const [c] = await rows<{ email_consent: string }>(
        ctx.db,
        sql`select email_consent from contacts where workspace_id = ${ws} and id = ${contactId} and deleted_at is null`,
      );
      if (c && c.email_consent !== 'unsubscribed')
        await recordConsent(ctx, contactId, { status: 'unsubscribed', source: 'spam complaint' });
    }
    return;
  }

  if (r.kind === 'reply') {
    const from = parsed.from;
    const replier = from === address ? contactId : await contactOf(ctx, from);
    const to = msg?.from_email ?? parsed.to;
    if (!replier || !from || !to) return;
    await logActivity(ctx, {
      type: 'email',
      direction: 'inbound',
      subject: (parsed.subject || '(no subject)').slice(0, 500),
      body: parsed.text.slice(0, 100_000),
      from,
      to: [to],
      links: [{ entityType: 'contact', entityId: replier }],
    });
  }
}

/**
 * Reads one stored inbound message and applies the rules, in one transaction with the row marked processed:
 * processing the same row again does nothing, and the same report arriving twice (two rows) changes nothing twice
 * (messages are stamped once, events logged on the first stamp, suppression kept at the strongest reason).
 */
export async function processInbound(exec: Executor, inboundId: string) {
  return exec.transaction(async (tx) => {
    const [row] = await rows<{ id: string; workspace_id: string | null; raw: string; envelope_to: string[]; status: string }>(
      tx,
      sql`select id, workspace_id, raw, envelope_to, status from email_inbound where id = ${inboundId} for update`,
    );
    if (row?.status !== 'received') return { status: row?.status ?? 'missing', results: [] as InboundResult[] };
    const parsed = await parseInbound(row.raw, { envelopeTo: row.envelope_to });
    const msg = parsed.messageRef ? await messageById(tx, parsed.messageRef, row.workspace_id) : undefined;
    const ws = row.workspace_id ?? msg?.workspace_id ?? null;
    const status = ws ? 'processed' : 'unmatched';
    if (ws) {
      const ctx = systemActorCtx(tx, ws, 'bounce processing');
      const single = parsed.results.length === 1;
      for (const r of parsed.results) {
        const own = msg && (single || r.recipient === msg.to_email) ? msg : undefined;
        await applyResult(ctx, r, own, parsed);
      }
    }
    await tx.execute(sql`update email_inbound set status = ${status}, workspace_id = ${ws}, kind = ${parsed.results[0]?.kind ?? null},
        message_id = ${msg?.id ?? null}, results = ${JSON.stringify(parsed.results)}::jsonb, processed_at = now()
        where id = ${inboundId}`);
    return { status, results: parsed.results, messageId: msg?.id ?? null };
  });
}
