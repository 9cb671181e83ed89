import { sql } from 'drizzle-orm';
import { hitRateLimit } from '../../../kernel/auth/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import type { Executor } from '../../../kernel/db/index.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { systemActorCtx } from '../ctx.ts';
import { type ConfirmToken, readConfirmTokenAnyAge, requestOptInConfirmation, sourceOf } from './double-opt-in.ts';
import { getSenders } from './manage-senders.ts';

/** Fresh links per person (the contact a token names) and per IP, each per hour. */
export const resendLimits = { perContact: 3, perIp: 20, windowSeconds: 3600 };

/**
 * Whether a confirmation of this source is still wanted for the contact: it exists (not deleted), has an email and is
 * not do-not-contact; a form's consent is not yet `subscribed`; a list's person is not yet a member and has not
 * unsubscribed (the same rule as adding them to the list).
 */
async function stillPending(ctx: Ctx, t: ConfirmToken): Promise<boolean> {
  const [c] = await rows<{ email_consent: string; member: boolean }>(
    ctx.db,
    sql`select c.email_consent, exists (select 1 from list_members l where l.workspace_id = c.workspace_id and l.list_id::text = ${t.s}
          and l.contact_id = c.id) as member
        from contacts c where c.workspace_id = ${ctx.workspaceId} and c.id = ${t.c} and c.deleted_at is null
          and c.email is not null and not c.do_not_contact`,
  );
  if (!c) return false;
  return t.k === 'form' ? c.email_consent !== 'subscribed' : !c.member && c.email_consent !== 'unsubscribed';
}

/**
 * The public "send me a new link" on an expired confirmation page. The old token's signature must hold (nobody can ask
 * for confirmations to arbitrary people); it re-sends to the same contact and source, at most `resendLimits` per
 * contact and per IP an hour. It answers the same whatever happened (sent, nothing pending, no such person), so the
 * page never says whether an address exists; only the rate limit (429) and a forged token (null) differ.
 */
export async function resendConfirmationByToken(exec: Executor, token: string, ip: string): Promise<'accepted' | null> {
  const read = readConfirmTokenAnyAge(token);
  if (!read) return null;
  const t = read.data;
  // Counted outside the send's transaction, so a hit stays counted whatever happens next.
  await hitRateLimit(exec, `email.confirm-resend:ip:${ip}`, resendLimits.perIp, resendLimits.windowSeconds);
  await hitRateLimit(exec, `email.confirm-resend:contact:${t.c}`, resendLimits.perContact, resendLimits.windowSeconds);
  await exec.transaction(async (tx) => {
    const ctx = { ...systemActorCtx(tx, t.w, 'double opt-in resend'), ip };
    if (!(await stillPending(ctx, t)) || !(await getSenders(ctx)).length) return;
    await requestOptInConfirmation(ctx, { contactId: t.c, source: sourceOf(t), ip });
  });
  return 'accepted';
}

/**
 * The admin action: re-sends the contact's latest confirmation (of `sourceId` when given) with a fresh 7-day link.
 * 404 `confirmation_not_found` when none was ever sent; 409 `confirmation_not_pending` when it is already confirmed
 * or can no longer be (deleted, do-not-contact, unsubscribed from a list).
 */
export async function resendConfirmation(ctx: Ctx, input: { contactId: string; sourceId?: string }) {
  const sent = await rows<{ url: string }>(
    ctx.db,
    sql`select data->>'confirm_url' as url from email_messages where workspace_id = ${ctx.workspaceId} and contact_id = ${input.contactId}
          and broadcast_id is null and data ? 'confirm_url' order by created_at desc, id desc limit 50`,
  );
  const token = sent
    .map((m) => readConfirmTokenAnyAge(m.url.slice(m.url.lastIndexOf('/') + 1))?.data)
    .find((t) => t && t.w === ctx.workspaceId && t.c === input.contactId && (!input.sourceId || t.s === input.sourceId));
  if (!token)
    throw new AppError('confirmation_not_found', 'No double opt-in confirmation was sent to this contact (for this form or list).', {
      path: ['body', input.sourceId ? 'sourceId' : 'contactId'],
    });
  if (!(await stillPending(ctx, token)))
    throw new AppError('confirmation_not_pending', 'This confirmation is no longer pending: the contact confirmed, or cannot be asked.', {
      path: ['body', 'contactId'],
    });
  return ctx.db.transaction(async (tx) =>
    requestOptInConfirmation({ ...ctx, db: tx }, { contactId: input.contactId, source: sourceOf(token) }),
  );
}
