import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { newId, rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { enqueue } from '../../../kernel/jobs/index.ts';
import { logActivity } from '../../activities/index.ts';
import type { SendInput } from '../http/email.types.ts';
import { sendMessageJob } from '../jobs/send-message.ts';
import { getTemplate } from '../queries/get-template.ts';
import { renderMessage } from '../render/compile-template.ts';
import { contactVariables, senderVariables } from '../render/variables.ts';
import { compiledVersion, customKeys, recipientRows } from '../sending/prepare.ts';
import { getSender } from './manage-senders.ts';

/**
 * Sends one templated message to one contact or address (transactional: no marketing footer, no List-Unsubscribe;
 * only hard bounces, complaints, manual suppressions and erasures stop it). It is rendered now, so a template error
 * is a 400 before anything is queued; the message is logged on the contact's timeline (unless `timeline: false`, for
 * mail whose text is a credential, such as an invite) and sent by a job.
 */
export async function sendEmail(ctx: Ctx, input: SendInput, opts: { timeline?: boolean } = {}) {
  if (!input.contactId === !input.to)
    throw new AppError('validation_failed', 'Give either contactId or to (an address), not both.', {
      path: ['body', input.to ? 'to' : 'contactId'],
    });
  const template = await getTemplate(ctx, input.templateId);
  const sender = await getSender(ctx, input.senderId);
  let contactId = input.contactId ?? null;
  if (!contactId) {
    const [c] = await rows<{ id: string }>(
      ctx.db,
      sql`select contact_id as id from contact_emails where workspace_id = ${ctx.workspaceId} and lower(email) = ${input.to!.toLowerCase()} limit 1`,
    );
    contactId = c?.id ?? null;
  }
  const people = contactId ? await recipientRows(ctx.db, ctx.workspaceId, [contactId]) : new Map();
  const person = contactId ? people.get(contactId) : undefined;
  if (input.contactId && !person)
    throw new AppError('contact_not_found', `No contact with id ${input.contactId} in this workspace.`, { path: ['body', 'contactId'] });
  const to = (input.to ?? person?.email ?? '').toLowerCase();
  if (!to)
    throw new AppError('contact_has_no_email', 'The contact has no email address; add one or pass `to`.', { path: ['body', 'contactId'] });
  const variables = input.variables ?? {};
  const compiled = await compiledVersion({ ...template.current }, false);
  const sample = renderMessage(compiled, {
    ...contactVariables(person ?? { contact_id: contactId, email: to }, await customKeys(ctx.db, ctx.workspaceId)),
    campaign: { id: '', name: '' },
    sender: senderVariables(sender),
    unsubscribe_url: '',
    preferences_url: '',
    view_in_browser_url: '',
    ...variables,
  });
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    await tx.execute(sql`insert into email_messages (id, workspace_id, contact_id, to_email, template_version_id, sender_id, subject, status, data)
        values (${id}, ${ctx.workspaceId}, ${contactId}, ${to}, ${template.current.id}, ${sender.id}, ${sample.subject}, 'queued', ${JSON.stringify(variables)}::jsonb)`);
    if (contactId && opts.timeline !== false)
      await logActivity(c, {
        type: 'email',
        direction: 'outbound',
        subject: sample.subject,
        body: sample.text.slice(0, 100_000),
        from: sender.fromEmail,
        to: [to],
        links: [{ entityType: 'contact', entityId: contactId }],
      });
    await enqueue(tx, sendMessageJob, { messageId: id }, { workspaceId: ctx.workspaceId, idempotencyKey: `email.message:${id}` });
    await recordAudit(c, { action: 'email.queued', entityType: 'email_message', entityId: id, after: { to, templateId: template.id } });
    await emitEvent(c, {
      type: 'email.queued',
      entityType: 'email_message',
      entityId: id,
      data: { to, contactId, templateId: template.id },
    });
  });
  return { id, status: 'queued', to };
}
