import { sql } from 'drizzle-orm';
import { simpleParser } from 'mailparser';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { outboxVisible } from './outbox-visibility.ts';

/** A stored outbox message parsed for reading: the main headers, the HTML and text parts (the screen shows the HTML sandboxed). */
export async function getOutboxMessage(ctx: Ctx, id: string) {
  const [m] = await rows<{ id: string; message_id: string | null; eml: string; created_at: string }>(
    ctx.db,
    sql`select id, message_id, eml, created_at from email_outbox where workspace_id = ${ctx.workspaceId} and id = ${id} and ${outboxVisible(ctx)}`,
  );
  if (!m) throw new AppError('email_outbox_not_found', `No outbox message with id ${id}.`, { id });
  const mail = await simpleParser(m.eml, { skipImageLinks: true, skipTextToHtml: true });
  const headers = mail.headerLines.map((h) => {
    const i = h.line.indexOf(':');
    return {
      name: h.line.slice(0, i),
      value: h.line
        .slice(i + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim(),
    };
  });
  const first = (key: string) => headers.find((h) => h.name.toLowerCase() === key)?.value ?? '';
  return {
    id: m.id,
    messageId: m.message_id,
    from: first('from'),
    to: first('to'),
    subject: mail.subject ?? '',
    date: mail.date ? mail.date.toISOString() : null,
    html: typeof mail.html === 'string' ? mail.html : null,
    text: mail.text ?? null,
    headers: headers.filter((h) => h.name.toLowerCase() !== 'dkim-signature'),
    dkimSigned: headers.some((h) => h.name.toLowerCase() === 'dkim-signature'),
    createdAt: new Date(m.created_at).toISOString(),
  };
}
