import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { newId, rows } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import type { transportBody } from '../http/email.types.ts';
import { encryptSecret } from '../runtime.ts';

type Input = z.output<typeof transportBody>;

/** Transports as the API shows them: the password only as `hasPassword`, with the rolling-window counts. */
export async function getTransports(ctx: Ctx) {
  const r = await rows<Record<string, unknown>>(
    ctx.db,
    sql`select t.id, t.name, t.host, t.port, t.secure, t.username, t.password_enc is not null as "hasPassword", t.concurrency,
          t.per_second as "perSecond", t.hourly_cap as "hourlyCap", t.daily_cap as "dailyCap", t.is_default as "isDefault",
          (select count(*)::int from email_messages m where m.transport_id = t.id and m.sent_at > now() - interval '1 hour') as "sentLastHour",
          (select count(*)::int from email_messages m where m.transport_id = t.id and m.sent_at > now() - interval '24 hours') as "sentLastDay"
        from email_transports t where t.workspace_id = ${ctx.workspaceId} order by t.name, t.id`,
  );
  return r as unknown as z.infer<typeof import('../http/email.types.ts').transportSchema>[];
}

async function one(ctx: Ctx, id: string) {
  const t = (await getTransports(ctx)).find((x) => x.id === id);
  if (!t) throw notFound('email_transport', id);
  return t;
}

export async function createTransport(ctx: Ctx, input: Input) {
  const id = newId();
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    if (input.isDefault) await tx.execute(sql`update email_transports set is_default = false where workspace_id = ${ctx.workspaceId}`);
    await tx.execute(sql`insert into email_transports (id, workspace_id, name, host, port, secure, username, password_enc, concurrency,
        per_second, hourly_cap, daily_cap, is_default) values (${id}, ${ctx.workspaceId}, ${input.name}, ${input.host}, ${input.port},
        ${input.secure}, ${input.username ?? null}, ${input.password ? encryptSecret(input.password) : null}, ${input.concurrency},
        ${input.perSecond ?? null}, ${input.hourlyCap ?? null}, ${input.dailyCap ?? null}, ${input.isDefault})`);
    await recordAudit(c, {
      action: 'email_transport.created',
      entityType: 'email_transport',
      entityId: id,
      after: { ...input, password: input.password ? '***' : null },
    });
    await emitEvent(c, {
      type: 'email_settings.changed',
      entityType: 'email_transport',
      entityId: id,
      data: { change: 'transport_created' },
    });
  });
  return one(ctx, id);
}

export async function deleteTransport(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const gone = await rows(tx, sql`delete from email_transports where workspace_id = ${ctx.workspaceId} and id = ${id} returning id`);
    if (!gone.length) throw notFound('email_transport', id);
    await tx.execute(sql`update email_senders set transport_id = null where workspace_id = ${ctx.workspaceId} and transport_id = ${id}`);
    await recordAudit(c, { action: 'email_transport.deleted', entityType: 'email_transport', entityId: id });
    await emitEvent(c, {
      type: 'email_settings.changed',
      entityType: 'email_transport',
      entityId: id,
      data: { change: 'transport_deleted' },
    });
  });
}
