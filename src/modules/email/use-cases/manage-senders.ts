import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { newId, rows } from '../../../kernel/db/index.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import type { senderBody, senderSchema, updateSenderBody } from '../http/email.types.ts';

type Sender = z.infer<typeof senderSchema>;

export async function getSenders(ctx: Ctx): Promise<Sender[]> {
  return rows<Sender>(
    ctx.db,
    sql`select id, from_name as "fromName", from_email as "fromEmail", reply_to as "replyTo", postal_address as "postalAddress",
          transport_id as "transportId", is_default as "isDefault" from email_senders where workspace_id = ${ctx.workspaceId}
        order by is_default desc, from_name, id`,
  );
}

export async function getSender(ctx: Ctx, id: string | undefined, path: (string | number)[] = ['body', 'senderId']): Promise<Sender> {
  const all = await getSenders(ctx);
  const s = id ? all.find((x) => x.id === id) : (all.find((x) => x.isDefault) ?? all[0]);
  if (!s)
    throw id
      ? new AppError('email_sender_not_found', `No sender with id ${id} in this workspace.`, { path })
      : new AppError('email_sender_missing', 'Add a sender (From name and address) in Email settings before sending.', { path });
  return s;
}

export async function createSender(ctx: Ctx, input: z.output<typeof senderBody>) {
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    if (input.transportId) {
      const t = await rows(tx, sql`select 1 from email_transports where workspace_id = ${ctx.workspaceId} and id = ${input.transportId}`);
      if (!t.length)
        throw new AppError('email_transport_not_found', `No SMTP transport with id ${input.transportId}.`, {
          path: ['body', 'transportId'],
        });
    }
    if (input.isDefault) await tx.execute(sql`update email_senders set is_default = false where workspace_id = ${ctx.workspaceId}`);
    await tx.execute(sql`insert into email_senders (id, workspace_id, from_name, from_email, reply_to, postal_address, transport_id, is_default)
        values (${id}, ${ctx.workspaceId}, ${input.fromName}, ${input.fromEmail.toLowerCase()}, ${input.replyTo ?? null}, ${input.postalAddress},
        ${input.transportId ?? null}, ${input.isDefault})`);
    await recordAudit(c, { action: 'email_sender.created', entityType: 'email_sender', entityId: id, after: input });
    await emitEvent(c, { type: 'email_settings.changed', entityType: 'email_sender', entityId: id, data: { change: 'sender_created' } });
  });
  const s = (await getSenders(ctx)).find((x) => x.id === id);
  if (!s) throw notFound('email_sender', id);
  return s;
}

/** Changes a sender; From address, reply-to, postal address, relay and default flag (the default is unique). */
export async function updateSender(ctx: Ctx, id: string, input: z.output<typeof updateSenderBody>) {
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const [before] = await rows<Record<string, unknown>>(
      tx,
      sql`select * from email_senders where workspace_id = ${ctx.workspaceId} and id = ${id} for update`,
    );
    if (!before) throw notFound('email_sender', id);
    if (input.transportId) {
      const t = await rows(tx, sql`select 1 from email_transports where workspace_id = ${ctx.workspaceId} and id = ${input.transportId}`);
      if (!t.length)
        throw new AppError('email_transport_not_found', `No SMTP transport with id ${input.transportId}.`, {
          path: ['body', 'transportId'],
        });
    }
    if (input.isDefault) await tx.execute(sql`update email_senders set is_default = false where workspace_id = ${ctx.workspaceId}`);
    await tx.execute(sql`update email_senders set
        from_name = coalesce(${input.fromName ?? null}, from_name),
        from_email = coalesce(${input.fromEmail?.toLowerCase() ?? null}, from_email),
        reply_to = ${input.replyTo === undefined ? sql`reply_to` : (input.replyTo ?? null)},
        postal_address = coalesce(${input.postalAddress ?? null}, postal_address),
        transport_id = ${input.transportId === undefined ? sql`transport_id` : (input.transportId ?? null)},
        is_default = ${input.isDefault === undefined ? sql`is_default` : input.isDefault}
      where workspace_id = ${ctx.workspaceId} and id = ${id}`);
    await recordAudit(c, { action: 'email_sender.updated', entityType: 'email_sender', entityId: id, before, after: input });
    await emitEvent(c, { type: 'email_settings.changed', entityType: 'email_sender', entityId: id, data: { change: 'sender_updated' } });
  });
  const s = (await getSenders(ctx)).find((x) => x.id === id);
  if (!s) throw notFound('email_sender', id);
  return s;
}

/** Deletes a sender nothing has been sent or drafted from (messages keep pointing at their sender for "view in browser"). */
export async function deleteSender(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const [used] = await rows<{ n: number }>(
      tx,
      sql`select (select count(*) from email_broadcasts where workspace_id = ${ctx.workspaceId} and sender_id = ${id})::int
            + (select count(*) from (select 1 from email_messages where workspace_id = ${ctx.workspaceId} and sender_id = ${id} limit 1) m)::int as n`,
    );
    if (used && used.n > 0)
      throw new AppError(
        'email_sender_in_use',
        'This sender has broadcasts or sent messages; change its name or address instead of deleting it.',
        { id, path: ['params', 'id'] },
      );
    const gone = await rows(tx, sql`delete from email_senders where workspace_id = ${ctx.workspaceId} and id = ${id} returning id`);
    if (!gone.length) throw notFound('email_sender', id);
    await recordAudit(c, { action: 'email_sender.deleted', entityType: 'email_sender', entityId: id });
    await emitEvent(c, { type: 'email_settings.changed', entityType: 'email_sender', entityId: id, data: { change: 'sender_deleted' } });
  });
}
