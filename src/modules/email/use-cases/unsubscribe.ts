import { sql } from 'drizzle-orm';
import type { Executor } from '../../../kernel/db/index.ts';
import { rows } from '../../../kernel/db/index.ts';
import { recordConsent } from '../../contacts/index.ts';
import { recordContactEvents } from '../../engagement/index.ts';
import { systemActorCtx } from '../ctx.ts';
import type { RecipientRef } from '../render/links.ts';
import { suppressAddress } from './manage-subscriptions.ts';

async function recipientOf(exec: Executor, ref: RecipientRef) {
  const [m] = ref.m
    ? await rows<{ broadcast_id: string | null; campaign_id: string | null; to_email: string }>(
        exec,
        sql`select m.broadcast_id, b.campaign_id, m.to_email from email_messages m
            left join email_broadcasts b on b.workspace_id = m.workspace_id and b.id = m.broadcast_id
            where m.workspace_id = ${ref.w} and m.id = ${ref.m}`,
      )
    : [];
  let email = m?.to_email ?? ref.a ?? null;
  if (!email && ref.c) {
    const [c] = await rows<{ email: string | null }>(
      exec,
      sql`select lower(email) as email from contacts where workspace_id = ${ref.w} and id = ${ref.c}`,
    );
    email = c?.email ?? null;
  }
  return { broadcastId: m?.broadcast_id ?? null, campaignId: m?.campaign_id ?? null, email };
}

/**
 * One-click unsubscribe (RFC 8058) and the footer link. With a subscription type in the token, the person leaves
 * that type; without, the address goes on the suppression list and the contact's consent becomes unsubscribed.
 * Idempotent: a second click changes nothing more.
 */
export async function unsubscribe(exec: Executor, ref: RecipientRef, ip?: string) {
  return exec.transaction(async (tx) => {
    const ctx = { ...systemActorCtx(tx, ref.w, 'unsubscribe link'), ip };
    const who = await recipientOf(tx, ref);
    if (ref.t && ref.c) {
      await tx.execute(
        sql`insert into email_opt_outs (workspace_id, contact_id, type_id) values (${ref.w}, ${ref.c}, ${ref.t}) on conflict do nothing`,
      );
    } else {
      if (who.email) await suppressAddress(ctx, { email: who.email, reason: 'unsubscribed', detail: 'unsubscribe link', contactId: ref.c });
      if (ref.c) {
        const [c] = await rows<{ email_consent: string }>(
          tx,
          sql`select email_consent from contacts where workspace_id = ${ref.w} and id = ${ref.c} and deleted_at is null`,
        );
        if (c && c.email_consent !== 'unsubscribed')
          await recordConsent(ctx, ref.c, { status: 'unsubscribed', source: 'unsubscribe link', ip });
      }
    }
    if (ref.m) {
      const first = await rows(
        tx,
        sql`update email_messages set unsubscribed_at = now() where workspace_id = ${ref.w} and id = ${ref.m} and unsubscribed_at is null returning id`,
      );
      if (first.length && ref.c)
        await recordContactEvents(tx, ref.w, [
          {
            kind: 'unsubscribe',
            contactId: ref.c,
            subjectId: who.broadcastId ?? ref.m,
            campaignId: who.campaignId,
            props: { messageId: ref.m, typeId: ref.t ?? null },
          },
        ]);
    }
    return { email: who.email, scope: ref.t && ref.c ? 'type' : 'all' };
  });
}

export async function getPreferences(exec: Executor, ref: RecipientRef) {
  const types = await rows<{ id: string; name: string; description: string; opted_out: boolean }>(
    exec,
    sql`select t.id, t.name, t.description, exists (select 1 from email_opt_outs o where o.workspace_id = t.workspace_id
          and o.contact_id = ${ref.c ?? null}::uuid and o.type_id = t.id) as opted_out
        from email_subscription_types t where t.workspace_id = ${ref.w} order by t.name`,
  );
  const who = await recipientOf(exec, ref);
  const [s] = who.email
    ? await rows<{ reason: string }>(
        exec,
        sql`select reason from email_suppressions where workspace_id = ${ref.w} and email = ${who.email}`,
      )
    : [];
  return { email: who.email, types, unsubscribedAll: s?.reason === 'unsubscribed', blocked: Boolean(s && s.reason !== 'unsubscribed') };
}

/** The preference centre's save: applies at once (the next batch of any broadcast checks it). */
export async function savePreferences(exec: Executor, ref: RecipientRef, input: { subscribed: string[]; all: boolean }, ip?: string) {
  if (input.all) return unsubscribe(exec, { ...ref, t: null }, ip);
  return exec.transaction(async (tx) => {
    const ctx = { ...systemActorCtx(tx, ref.w, 'preference centre'), ip };
    const who = await recipientOf(tx, ref);
    if (ref.c) {
      await tx.execute(sql`delete from email_opt_outs where workspace_id = ${ref.w} and contact_id = ${ref.c}`);
      await tx.execute(sql`insert into email_opt_outs (workspace_id, contact_id, type_id)
          select ${ref.w}, ${ref.c}, id from email_subscription_types where workspace_id = ${ref.w}
          ${input.subscribed.length ? sql`and id::text not in ${input.subscribed}` : sql``}`);
    }
    if (who.email) {
      const back = await rows(
        tx,
        sql`delete from email_suppressions where workspace_id = ${ref.w} and email = ${who.email} and reason = 'unsubscribed' returning email`,
      );
      if (back.length && ref.c) await recordConsent(ctx, ref.c, { status: 'subscribed', source: 'preference centre', ip });
    }
    return { email: who.email, scope: 'types' };
  });
}
