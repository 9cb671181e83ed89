import type { z } from 'zod';
import type { Ctx } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { previewBody } from '../http/email.types.ts';
import { compileTemplate, renderMessage } from '../render/compile-template.ts';
import { contactVariables, sampleVariables, senderVariables } from '../render/variables.ts';
import { customKeys, recipientRows } from '../sending/prepare.ts';
import { getSender } from '../use-cases/manage-senders.ts';
import { getTemplate } from './get-template.ts';

/** The message as a contact (or sample data) would get it, from the saved version or an unsaved draft. */
export async function previewTemplate(ctx: Ctx, id: string, input: z.output<typeof previewBody>) {
  const t = await getTemplate(ctx, id);
  const src = {
    format: input.format ?? t.current.format,
    subject: input.subject ?? t.current.subject,
    preheader: input.preheader ?? t.current.preheader,
    body: input.body ?? t.current.body,
  };
  const keys = await customKeys(ctx.db, ctx.workspaceId);
  const vars: Record<string, unknown> = { ...sampleVariables(keys) };
  if (input.contactId) {
    const people = await recipientRows(ctx.db, ctx.workspaceId, [input.contactId]);
    const p = people.get(input.contactId);
    if (!p)
      throw new AppError('contact_not_found', `No contact with id ${input.contactId} in this workspace.`, { path: ['body', 'contactId'] });
    Object.assign(vars, contactVariables(p, keys));
  }
  try {
    vars.sender = senderVariables(await getSender(ctx, undefined));
  } catch {
    // no sender yet: the sample one stays
  }
  return renderMessage(await compileTemplate(src, { footer: true }), vars);
}
