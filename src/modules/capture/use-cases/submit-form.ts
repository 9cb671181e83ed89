import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { hitRateLimit } from '../../../kernel/auth/index.ts';
import type { Actor, Ctx } from '../../../kernel/context.ts';
import { type Executor, rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { notifyUser } from '../../activities/index.ts';
import { type ContactInput, createContact, erasedEmails, recordConsent, type Touch, updateContact } from '../../contacts/index.ts';
import { workspaceRegion } from '../../custom-fields/index.ts';
import { requestOptInConfirmation } from '../../email/index.ts';
import { identifyVisitor, recordContactEvents } from '../../engagement/index.ts';
import type { FormRow } from '../queries/get-form.ts';
import { formSubmissions, forms } from '../schema.ts';
import { type SpamReason, spamVerdict } from '../spam.ts';
import { assertKnownFields, checkValues, type FieldError } from '../submission-values.ts';
import { pageContext } from './page-context.ts';

export interface SubmitInput {
  form: FormRow;
  values: Record<string, string>;
  ip: string;
  userAgent?: string;
  /** A visitor id from the tracking cookie when the form is served on Tandem's own origin. */
  cookieVisitorId?: string | null;
}

export type SubmitResult =
  | { status: 'accepted' | 'spam'; spamReason?: SpamReason }
  | { status: 'invalid'; errors: FieldError[]; values: Record<string, string> };

const perIpLimit = 20;
const perIpWindowSeconds = 600;

/**
 * A public submission. Unknown fields throw (400); bad values come back as `invalid` with every problem.
 * Spam (honeypot, too fast, no render token, rate limit, proof of work) is counted and dropped, and answers
 * exactly like an accepted submission. An accepted one finds the contact by email or creates it (routing runs in
 * createContact), fills only empty fields, records consent proof, the form_submit event, visitor stitching,
 * notifications and the submission row, all in one transaction. The answer never depends on whether the person
 * existed.
 */
export async function submitForm(db: Executor, secret: string, input: SubmitInput): Promise<SubmitResult> {
  const { form, values } = input;
  assertKnownFields(form.fields, values);
  let spam = spamVerdict(secret, form.id, values, form.settings);
  if (!spam) {
    try {
      await hitRateLimit(db, `form:${form.id}:${input.ip}`, perIpLimit, perIpWindowSeconds);
    } catch (e) {
      if (!(e instanceof AppError && e.code === 'rate_limited')) throw e;
      spam = 'rate_limit';
    }
  }
  if (spam) {
    await db.execute(sql`update forms set spam_count = spam_count + 1 where id = ${form.id}`);
    return { status: 'spam', spamReason: spam };
  }
  const actor: Actor = { type: 'system', id: `form:${form.id}`, label: `Form: ${form.name}`, role: 'admin' };
  const base: Ctx = { db, workspaceId: form.workspaceId, actor, ip: input.ip };
  const consentText = form.consentVersionId ? form.settings.consent : null;
  const { clean, errors } = checkValues(
    form.fields,
    values,
    await workspaceRegion(base),
    consentText ? { required: consentText.required } : null,
  );
  if (errors.length) return { status: 'invalid', errors, values };
  const page = pageContext(form.fields, clean, values, input.cookieVisitorId ?? null);

  await db.transaction(async (tx) => {
    const ctx: Ctx = { ...base, db: tx };
    const email = clean[form.fields.find((f) => f.mapTo === 'contact.email')!.key]!;
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`contact-email:${form.workspaceId}:${email}`}))`);
    const erased = (await erasedEmails(ctx, [email])).has(email);
    const [holder] = erased
      ? []
      : await rows<{ id: string }>(
          tx,
          sql`select c.id from contact_emails ce join contacts c on c.workspace_id = ce.workspace_id and c.id = ce.contact_id
              where ce.workspace_id = ${form.workspaceId} and ce.email = ${email} and c.deleted_at is null`,
        );
    const mapped = mappedInput(form, clean, page.touch);
    let contactId: string | null = null;
    let ownerId: string | null = null;
    let displayName = email;
    if (holder) {
      const patch = await fillEmpty(tx, form.workspaceId, holder.id, mapped);
      const c = Object.keys(patch).length ? await updateContact(ctx, holder.id, patch) : null;
      contactId = holder.id;
      const [now] = await rows<{ owner_id: string | null; display_name: string }>(
        tx,
        sql`select owner_id, display_name from contacts where id = ${holder.id} and workspace_id = ${form.workspaceId}`,
      );
      ownerId = c?.ownerId ?? now?.owner_id ?? null;
      displayName = now?.display_name ?? email;
    } else if (!erased) {
      const c = await createContact(
        ctx,
        { ...mapped, emails: [{ email }], lifecycleStage: form.settings.lifecycleStage },
        { rule: 'form_submitted' },
      );
      contactId = c.id;
      ownerId = c.ownerId;
      displayName = c.displayName;
    }
    const consentGiven = clean.consent === 'true';
    if (contactId && consentGiven && form.consentVersionId && form.settings.doubleOptIn)
      await requestOptInConfirmation(ctx, {
        contactId,
        source: { kind: 'form', id: form.id, name: form.name, consentVersionId: form.consentVersionId },
        ip: input.ip,
      });
    else if (contactId && consentGiven && form.consentVersionId)
      await recordConsent(ctx, contactId, {
        status: 'subscribed',
        legalBasis: 'consent',
        source: `form:${form.id}`,
        ip: input.ip,
        textVersion: form.consentVersionId,
      });
    const [sub] = await tx
      .insert(formSubmissions)
      .values({
        workspaceId: form.workspaceId,
        formId: form.id,
        contactId,
        outcome: erased ? 'suppressed' : holder ? 'updated' : 'created',
        data: clean,
        consentVersionId: form.consentVersionId,
        consentGiven,
        ip: input.ip,
        userAgent: input.userAgent?.slice(0, 500) ?? null,
        pageUrl: page.pageUrl,
        referrer: page.referrer,
        utm: page.utm,
        visitorId: page.visitorId,
      })
      .returning({ id: formSubmissions.id, createdAt: formSubmissions.createdAt });
    await tx
      .update(forms)
      .set({ submissionCount: sql`${forms.submissionCount} + 1`, lastSubmittedAt: sub!.createdAt })
      .where(eq(forms.id, form.id));
    if (!contactId) return; // an erased person: nothing about them is written beyond the bare submission
    const props: Record<string, unknown> = { formName: form.name, submissionId: sub!.id };
    if (Object.keys(page.utm).length) props.utm = page.utm;
    if (page.referrer) props.referrer = page.referrer;
    await recordContactEvents(tx, form.workspaceId, [
      { kind: 'form_submit', contactId, visitorId: page.visitorId, subjectId: form.id, url: page.pageUrl, props },
    ]);
    if (page.visitorId) await identifyVisitor(tx, form.workspaceId, page.visitorId, contactId);
    const notify = new Set([...form.settings.notifyUserIds, ...(ownerId ? [ownerId] : [])]);
    for (const userId of notify)
      await notifyUser(tx, {
        workspaceId: form.workspaceId,
        userId,
        kind: 'form_submission',
        title: `${displayName} filled in “${form.name}”`,
        body: email,
        link: `/contacts/${contactId}`,
      });
    await recordAudit(ctx, {
      action: 'form.submitted',
      entityType: 'form',
      entityId: form.id,
      after: { submissionId: sub!.id, contactId },
    });
    await emitEvent(ctx, {
      type: 'form.submitted',
      entityType: 'form',
      entityId: form.id,
      data: { submissionId: sub!.id, contactId, created: !holder, consentGiven },
    });
  });
  return { status: 'accepted' };
}

/** Contact fields from the mapped values (strings; numbers for number custom fields, booleans for checkboxes). */
function mappedInput(form: FormRow, clean: Record<string, string>, touch: Touch | null): Omit<ContactInput, 'emails'> {
  const out: Omit<ContactInput, 'emails'> & { custom: Record<string, unknown> } = { custom: {}, tags: form.settings.tags };
  for (const f of form.fields) {
    const v = clean[f.key];
    if (!f.mapTo || v === undefined || v === '') continue;
    if (f.mapTo === 'contact.firstName') out.firstName = v;
    else if (f.mapTo === 'contact.lastName') out.lastName = v;
    else if (f.mapTo === 'contact.title') out.title = v;
    else if (f.mapTo === 'contact.phone') out.phones = [{ phone: v }];
    else if (f.mapTo === 'source') out.source = v;
    else if (f.mapTo.startsWith('custom.'))
      out.custom[f.mapTo.slice(7)] = f.type === 'number' ? Number(v) : f.type === 'checkbox' ? v === 'true' : v;
  }
  out.source ??= touch?.source ? touch.source : `form:${form.slug}`;
  if (touch) {
    out.firstTouch = touch;
    out.lastTouch = touch;
  }
  return out;
}

/** The merge rule: a submission fills what is empty on the contact and never blanks or overwrites a value. */
async function fillEmpty(tx: Executor, workspaceId: string, contactId: string, m: Omit<ContactInput, 'emails'>) {
  const [c] = await rows<{
    first_name: string;
    last_name: string;
    title: string | null;
    phone: string | null;
    source: string | null;
    first_touch: Touch | null;
    tags: string[];
    custom: Record<string, unknown>;
  }>(
    tx,
    sql`select first_name, last_name, title, phone, source, first_touch, tags, custom from contacts
        where workspace_id = ${workspaceId} and id = ${contactId}`,
  );
  const patch: Partial<ContactInput> = {};
  if (!c) return patch;
  if (m.firstName && !c.first_name) patch.firstName = m.firstName;
  if (m.lastName && !c.last_name) patch.lastName = m.lastName;
  if (m.title && !c.title) patch.title = m.title;
  if (m.phones && !c.phone) patch.phones = m.phones;
  if (m.source && !c.source) patch.source = m.source;
  if (m.firstTouch && !c.first_touch) patch.firstTouch = m.firstTouch;
  if (m.lastTouch) patch.lastTouch = m.lastTouch;
  const missingTags = (m.tags ?? []).filter((t) => !c.tags.includes(t));
  if (missingTags.length) patch.tags = [...c.tags, ...missingTags];
  const custom = Object.fromEntries(
    Object.entries(m.custom ?? {}).filter(([k]) => c.custom[k] === undefined || c.custom[k] === null || c.custom[k] === ''),
  );
  if (Object.keys(custom).length) patch.custom = custom;
  return patch;
}
