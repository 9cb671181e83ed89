import { sql } from 'drizzle-orm';
import { randomToken, readSignedToken, signToken, verifyToken } from '../../../kernel/auth/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import type { Executor } from '../../../kernel/db/index.ts';
import { rows } from '../../../kernel/db/index.ts';
import { recordConsent } from '../../contacts/index.ts';
import { systemActorCtx } from '../ctx.ts';
import { emailRuntime } from '../runtime.ts';
import { getSender } from './manage-senders.ts';
import { builtInTemplate } from './save-template.ts';
import { sendEmail } from './send-email.ts';

/** Confirmation links work for 7 days. */
export const confirmTtlSeconds = 7 * 24 * 3600;
const purpose = 'email.confirm';
export const confirmationTemplateName = 'Double opt-in confirmation';

/** What a person confirms: a form's consent (with the consent text version they saw) or a static list. */
export type OptInSource =
  | { kind: 'form'; id: string; name: string; consentVersionId: string | null }
  | { kind: 'list'; id: string; name: string };

export interface ConfirmToken {
  w: string;
  c: string;
  k: 'form' | 'list';
  s: string;
  n: string;
  v?: string | null;
  [key: string]: unknown;
}

/** Runs when a list confirmation is accepted (segments registers the list add: email cannot import segments). */
type ConfirmHandler = (ctx: Ctx, sourceId: string, contactId: string) => Promise<void>;
const handlers = new Map<'form' | 'list', ConfirmHandler>();
export function registerOptInHandler(kind: 'form' | 'list', handler: ConfirmHandler) {
  handlers.set(kind, handler);
}

/** A default sender must exist before double opt-in can be switched on (the confirmation needs a From). */
export async function assertCanConfirm(ctx: Ctx, path: (string | number)[]) {
  await getSender(ctx, undefined, path);
}

/** The workspace's confirmation template (see builtInTemplate). */
const confirmationTemplate = (ctx: Ctx) =>
  builtInTemplate(ctx, {
    name: confirmationTemplateName,
    format: 'html',
    subject: 'Please confirm your subscription to {{ subscription_name }}',
    preheader: 'One click and you are in.',
    body: `<p>Hello {{ contact.first_name | default: "there" }},</p>
<p>Please confirm that you want to receive email from us ({{ subscription_name }}).</p>
<p><a href="{{ confirm_url }}">Yes, confirm my subscription</a></p>
<p>If you did not ask for this, ignore this message: nothing will be sent to you. The link works for 7 days.</p>`,
  });

/**
 * Double opt-in, first half: the contact's consent becomes `pending` (no marketing consent yet) and a
 * confirmation with a signed link valid for 7 days goes out through the transactional send path. Joins the
 * caller's transaction.
 */
export async function requestOptInConfirmation(ctx: Ctx, input: { contactId: string; source: OptInSource; ip?: string }) {
  const { contactId, source } = input;
  const token = signToken(
    emailRuntime().secretKey,
    purpose,
    {
      w: ctx.workspaceId,
      c: contactId,
      k: source.kind,
      s: source.id,
      n: source.name,
      v: source.kind === 'form' ? source.consentVersionId : null,
      // Each confirmation gets its own link, even two signed in the same second.
      r: randomToken(4),
    },
    confirmTtlSeconds,
  );
  const [c] = await rows<{ email_consent: string }>(
    ctx.db,
    sql`select email_consent from contacts where workspace_id = ${ctx.workspaceId} and id = ${contactId}`,
  );
  if (c && c.email_consent !== 'subscribed' && c.email_consent !== 'pending')
    await recordConsent(ctx, contactId, {
      status: 'pending',
      legalBasis: 'consent',
      source: `${source.kind}:${source.id} (confirmation sent)`,
      ip: input.ip,
      textVersion: source.kind === 'form' ? (source.consentVersionId ?? undefined) : undefined,
    });
  const templateId = await confirmationTemplate(ctx);
  return sendEmail(ctx, {
    templateId,
    contactId,
    variables: { confirm_url: `${emailRuntime().publicUrl}/e/confirm/${token}`, subscription_name: source.name },
  });
}

export function readConfirmToken(token: string): ConfirmToken | null {
  return verifyToken<ConfirmToken>(emailRuntime().secretKey, purpose, token);
}

/** A confirmation token whose signature holds, expired or not (to offer a fresh link); null when forged or altered. */
export function readConfirmTokenAnyAge(token: string) {
  return readSignedToken<ConfirmToken>(emailRuntime().secretKey, purpose, token);
}

/** The source a confirmation token names, as requestOptInConfirmation takes it. */
export const sourceOf = (t: ConfirmToken): OptInSource =>
  t.k === 'form' ? { kind: 'form', id: t.s, name: t.n, consentVersionId: t.v ?? null } : { kind: 'list', id: t.s, name: t.n };

/**
 * Double opt-in, second half (the link): records the consent proof (time, IP, form and consent text version) and
 * marks the contact subscribed; for a list, adds the contact to it. Confirming twice changes nothing more.
 */
export async function confirmOptIn(exec: Executor, t: ConfirmToken, ip?: string) {
  return exec.transaction(async (tx) => {
    const ctx = { ...systemActorCtx(tx, t.w, 'double opt-in'), ip };
    const [c] = await rows<{ email_consent: string }>(
      tx,
      sql`select email_consent from contacts where workspace_id = ${t.w} and id = ${t.c} and deleted_at is null`,
    );
    if (!c) return { status: 'gone' as const, name: t.n };
    const already = c.email_consent === 'subscribed';
    if (!already)
      await recordConsent(ctx, t.c, {
        status: 'subscribed',
        legalBasis: 'consent',
        source: `${t.k}:${t.s} (double opt-in confirmed)`,
        ip,
        textVersion: t.v ?? undefined,
      });
    await handlers.get(t.k)?.(ctx, t.s, t.c);
    return { status: already ? ('already' as const) : ('confirmed' as const), name: t.n };
  });
}
