import { sql } from 'drizzle-orm';
import type { Executor } from '../../../kernel/db/index.ts';
import { rows } from '../../../kernel/db/index.ts';
import { renderMessage } from '../render/compile-template.ts';
import { recipientLinks } from '../render/links.ts';
import { contactVariables, senderVariables } from '../render/variables.ts';
import { compiledVersion, customKeys, loadVersion, recipientRows } from '../sending/prepare.ts';

/** The HTML of a sent message as its recipient got it (re-rendered from its version, without tracking). */
export async function viewMessage(exec: Executor, ws: string, id: string): Promise<string | null> {
  const [m] = await rows<{
    contact_id: string | null;
    to_email: string;
    template_version_id: string | null;
    data: Record<string, unknown> | null;
    broadcast_id: string | null;
    subscription_type_id: string | null;
    campaign_id: string | null;
    name: string | null;
    from_name: string;
    from_email: string;
    reply_to: string | null;
    postal_address: string;
  }>(
    exec,
    sql`select m.contact_id, m.to_email, m.template_version_id, m.data, m.broadcast_id, b.subscription_type_id, b.campaign_id, b.name,
          s.from_name, s.from_email, s.reply_to, s.postal_address
        from email_messages m join email_senders s on s.workspace_id = m.workspace_id and s.id = m.sender_id
        left join email_broadcasts b on b.workspace_id = m.workspace_id and b.id = m.broadcast_id
        where m.workspace_id = ${ws} and m.id = ${id} and m.sent_at is not null`,
  );
  if (!m?.template_version_id) return null;
  const version = await loadVersion(exec, ws, m.template_version_id);
  const people = m.contact_id ? await recipientRows(exec, ws, [m.contact_id]) : new Map();
  const vars = {
    ...contactVariables(people.get(m.contact_id ?? '') ?? { contact_id: m.contact_id, email: m.to_email }, await customKeys(exec, ws)),
    campaign: { id: m.campaign_id ?? '', name: m.name ?? '' },
    sender: senderVariables({ fromName: m.from_name, fromEmail: m.from_email, replyTo: m.reply_to, postalAddress: m.postal_address }),
    ...recipientLinks({ w: ws, m: id, c: m.contact_id, a: m.to_email, t: m.subscription_type_id }),
    ...(m.data ?? {}),
  };
  return renderMessage(await compiledVersion(version, Boolean(m.broadcast_id)), vars).html;
}
