import { z } from 'zod';
import { AppError } from '../../../kernel/errors.ts';
import type { App } from '../../../kernel/http/index.ts';
import { maxInboundBytes, receiveInbound } from '../use-cases/receive-inbound.ts';

const tags = ['email'];
const jsonBody = z.object({
  raw: z.string().min(1, 'raw must hold the whole message (headers and body)'),
  envelopeTo: z.array(z.string().max(320)).max(100).optional(),
});

/**
 * POST /api/email/inbound: the webhook an inbound-mail provider (or a local MTA pipe) posts bounces, complaints and
 * replies to, as the raw RFC 822 message (`Content-Type: message/rfc822`) or JSON `{ raw, envelopeTo? }`. Stored in
 * the caller's workspace and processed by the same job as the SMTP receiver's mail.
 */
export async function inboundRoutes(app: App) {
  await app.register(async (scope) => {
    scope.addContentTypeParser('message/rfc822', { parseAs: 'buffer', bodyLimit: maxInboundBytes }, (_req, body, done) => done(null, body));
    scope.post(
      '/api/email/inbound',
      {
        bodyLimit: maxInboundBytes,
        config: { permission: 'email:manage' },
        schema: {
          tags,
          description: 'Receives one inbound message (bounce, ARF complaint, auto-reply or reply): raw message/rfc822 body or JSON { raw }',
          response: { 202: z.object({ id: z.string(), status: z.literal('queued') }) },
        },
      },
      async (req, reply) => {
        let raw: Buffer | string;
        let envelopeTo: string[] | undefined;
        if (Buffer.isBuffer(req.body)) raw = req.body;
        else {
          const parsed = jsonBody.safeParse(req.body);
          if (!parsed.success) {
            const issue = parsed.error.issues[0]!;
            throw new AppError(
              'validation_failed',
              `${issue.message}. Post the message as Content-Type: message/rfc822, or JSON { "raw": "<the message>" }.`,
              { path: ['body', ...issue.path.map(String)] },
            );
          }
          raw = parsed.data.raw;
          envelopeTo = parsed.data.envelopeTo;
        }
        if (!raw.length || !/^[\x21-\x39\x3b-\x7e]+:/m.test(raw.toString().slice(0, 4096)))
          throw new AppError('validation_failed', 'The body is not an email message: it has no header lines (Name: value).', {
            path: ['body', 'raw'],
          });
        const { id } = await receiveInbound(req.ctx.db, { source: 'webhook', workspaceId: req.ctx.workspaceId, envelopeTo, raw });
        return reply.status(202).send({ id, status: 'queued' as const });
      },
    );
  });
}
