import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import type { App } from '../../../kernel/http/index.ts';
import { getOutboxMessage } from '../queries/get-outbox-message.ts';
import { outboxVisible } from '../queries/outbox-visibility.ts';
import { resendConfirmation } from '../use-cases/resend-confirmation.ts';
import { sendEmail } from '../use-cases/send-email.ts';
import {
  idParams,
  messageSchema,
  outboxItem,
  outboxMessageSchema,
  outboxQuery,
  resendConfirmationBody,
  sendBody,
  sendResultSchema,
} from './email.types.ts';

const tags = ['email'];
const iso = (d: unknown) => (d ? new Date(d as string).toISOString() : null);

/** The transactional send, a message's status, and the outbox (mail kept in-app when no SMTP is configured). */
export async function messageRoutes(app: App) {
  app.post(
    '/api/email/send',
    {
      config: { permission: 'email:send' },
      schema: {
        tags,
        description: 'Sends one templated message to one contact or address; logged on the timeline',
        body: sendBody,
        response: { 202: sendResultSchema },
      },
    },
    async (req, reply) => reply.status(202).send(await sendEmail(req.ctx, req.body)),
  );
  app.post(
    '/api/email/confirmations/resend',
    {
      config: { permission: 'email:send' },
      schema: {
        tags,
        description: 'Sends a pending double opt-in confirmation again, with a fresh 7-day link (the latest one, or that of sourceId)',
        body: resendConfirmationBody,
        response: { 202: sendResultSchema },
      },
    },
    async (req, reply) => reply.status(202).send(await resendConfirmation(req.ctx, req.body)),
  );
  app.get(
    '/api/email/messages/:id',
    { config: { permission: 'email:read' }, schema: { tags, params: idParams, response: { 200: messageSchema } } },
    async (req) => {
      const [m] = await rows<Record<string, unknown>>(
        req.ctx.db,
        sql`select * from email_messages where workspace_id = ${req.ctx.workspaceId} and id = ${req.params.id}`,
      );
      if (!m)
        throw new AppError('email_message_not_found', `No message with id ${req.params.id} in this workspace.`, { id: req.params.id });
      return {
        id: m.id as string,
        broadcastId: (m.broadcast_id as string) ?? null,
        contactId: (m.contact_id as string) ?? null,
        to: m.to_email as string,
        subject: (m.subject as string) ?? null,
        status: m.status as string,
        error: (m.error as string) ?? null,
        attempts: m.attempts as number,
        sentAt: iso(m.sent_at),
        openedAt: iso(m.opened_at),
        clickedAt: iso(m.clicked_at),
      };
    },
  );
  app.get(
    '/api/email/outbox',
    {
      config: { permission: 'email:read' },
      schema: { tags, querystring: outboxQuery, response: { 200: z.object({ items: z.array(outboxItem), next: z.string().nullable() }) } },
    },
    async (req) => {
      const { before, limit } = req.query;
      const r = await rows<{ id: string; message_id: string | null; to_email: string; subject: string; created_at: string }>(
        req.ctx.db,
        sql`select id, message_id, to_email, subject, created_at from email_outbox where workspace_id = ${req.ctx.workspaceId} and ${outboxVisible(req.ctx)}
            ${before && /^[0-9a-f-]{36}$/.test(before) ? sql`and id < ${before}` : sql``} order by id desc limit ${limit + 1}`,
      );
      const items = r
        .slice(0, limit)
        .map((x) => ({ id: x.id, messageId: x.message_id, to: x.to_email, subject: x.subject, createdAt: iso(x.created_at)! }));
      return { items, next: r.length > limit ? items[items.length - 1]!.id : null };
    },
  );
  app.get(
    '/api/email/outbox/:id',
    {
      config: { permission: 'email:read' },
      schema: {
        tags,
        description: 'A stored message parsed: headers, HTML and text parts',
        params: idParams,
        response: { 200: outboxMessageSchema },
      },
    },
    async (req) => getOutboxMessage(req.ctx, req.params.id),
  );
  app.get(
    '/api/email/outbox/:id.eml',
    { config: { permission: 'email:read' }, schema: { tags, description: 'The stored message (message/rfc822)', params: idParams } },
    async (req, reply) => {
      const [m] = await rows<{ eml: string }>(
        req.ctx.db,
        sql`select eml from email_outbox where workspace_id = ${req.ctx.workspaceId} and id = ${req.params.id} and ${outboxVisible(req.ctx)}`,
      );
      if (!m) throw new AppError('email_outbox_not_found', `No outbox message with id ${req.params.id}.`, { id: req.params.id });
      return reply
        .header('content-type', 'message/rfc822')
        .header('content-disposition', `attachment; filename="${req.params.id}.eml"`)
        .send(m.eml);
    },
  );
}
