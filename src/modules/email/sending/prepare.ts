import { sql } from 'drizzle-orm';
import type { Executor } from '../../../kernel/db/index.ts';
import { rows } from '../../../kernel/db/index.ts';
import { type CompiledTemplate, compileTemplate, renderMessage } from '../render/compile-template.ts';
import { addTracking, recipientLinks } from '../render/links.ts';
import { contactVariables, type RecipientRow, senderVariables } from '../render/variables.ts';
import { emailRuntime, returnPathOf } from '../runtime.ts';
import type { TemplateFormat } from '../schema.ts';
import type { PreparedMessage } from './deliver-batch.ts';
import { buildMime, type DkimKey } from './mime.ts';

export interface SenderRow {
  id: string;
  fromName: string;
  fromEmail: string;
  replyTo: string | null;
  postalAddress: string;
  transportId: string | null;
}

export interface VersionRow {
  id: string;
  format: TemplateFormat;
  subject: string;
  preheader: string;
  body: string;
}

// Versions never change once saved, so their compiled form can be kept for the life of the process.
const compiled = new Map<string, Promise<CompiledTemplate>>();

export function compiledVersion(v: VersionRow, footer: boolean): Promise<CompiledTemplate> {
  const key = `${v.id}:${footer}`;
  let c = compiled.get(key);
  if (!c) {
    c = compileTemplate(v, { footer });
    c.catch(() => compiled.delete(key));
    if (compiled.size > 500) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, c);
  }
  return c;
}

export async function loadVersion(exec: Executor, ws: string, id: string): Promise<VersionRow> {
  const [v] = await rows<VersionRow>(
    exec,
    sql`select id, format, subject, preheader, body from email_template_versions where workspace_id = ${ws} and id = ${id}`,
  );
  if (!v) throw new Error(`Template version ${id} is missing`);
  return v;
}

export async function customKeys(exec: Executor, ws: string): Promise<string[]> {
  const r = await rows<{ key: string }>(
    exec,
    sql`select key from custom_field_definitions where workspace_id = ${ws} and entity_type = 'contact' and archived_at is null`,
  );
  return r.map((x) => x.key);
}

/** Contact, company and owner fields of recipients, by contact id. */
export async function recipientRows(exec: Executor, ws: string, contactIds: string[]): Promise<Map<string, RecipientRow>> {
  if (!contactIds.length) return new Map();
  const r = await rows<RecipientRow>(
    exec,
    sql`select c.id as contact_id, c.email, c.first_name, c.last_name, c.display_name, c.title, c.phone, c.lifecycle_stage, c.custom,
          co.name as company_name, co.domain as company_domain, u.name as owner_name, u.email as owner_email
        from contacts c
        left join companies co on co.workspace_id = c.workspace_id and co.id = c.company_id
        left join users u on u.id = c.owner_id
        where c.workspace_id = ${ws} and c.id in ${contactIds}`,
  );
  return new Map(r.map((x) => [x.contact_id!, x]));
}

export interface MessageContext {
  ws: string;
  sender: SenderRow;
  dkim?: DkimKey;
  customKeys: string[];
  campaign: { id: string; name: string };
  campaignId: string | null;
  broadcastId: string | null;
  /** Marketing mail: footer, one-click unsubscribe, List-Id, tracking. */
  marketing: boolean;
  track: boolean;
  subscriptionType?: { id: string; key: string } | null;
}

export interface ClaimedRow {
  id: string;
  contact_id: string | null;
  to_email: string;
  template_version_id: string;
  subject_override: string | null;
  data: Record<string, unknown> | null;
  attempts: number;
}

export function listIdOf(ctx: MessageContext): string | undefined {
  if (!ctx.subscriptionType) return undefined;
  const host = new URL(emailRuntime().publicUrl).hostname;
  return `<${ctx.subscriptionType.key}.${ctx.ws.slice(0, 8)}.list-id.${host}>`;
}

/** Renders, tracks and builds the MIME of one message; a template error is thrown with its line. */
export async function prepareMessage(
  ctx: MessageContext,
  row: ClaimedRow,
  version: VersionRow,
  recipient: RecipientRow | undefined,
): Promise<PreparedMessage> {
  const t = await compiledVersion(version, ctx.marketing);
  const links = recipientLinks({ w: ctx.ws, m: row.id, c: row.contact_id, a: row.to_email, t: ctx.subscriptionType?.id });
  const vars = {
    ...contactVariables(recipient ?? { contact_id: row.contact_id, email: row.to_email }, ctx.customKeys),
    campaign: ctx.campaign,
    sender: senderVariables(ctx.sender),
    ...links,
    ...(row.data ?? {}),
  };
  const r = renderMessage(t, vars);
  const subject = row.subject_override
    ? renderMessage({ ...t, subject: (await compiledSubject(row.subject_override)).subject }, vars).subject
    : r.subject;
  const { publicUrl } = emailRuntime();
  const host = new URL(publicUrl).hostname;
  const raw = await buildMime({
    id: row.id,
    from: { name: ctx.sender.fromName, address: ctx.sender.fromEmail },
    to: row.to_email,
    replyTo: ctx.sender.replyTo,
    subject,
    html: ctx.track ? addTracking(r.html, ctx.ws, row.id) : r.html,
    text: r.text,
    unsubscribe: ctx.marketing
      ? { url: links.unsubscribe_url, mailto: `mailto:unsubscribe@${host}?subject=unsubscribe%20${row.id}` }
      : undefined,
    listId: listIdOf(ctx),
    dkim: ctx.dkim,
    host,
  });
  return {
    id: row.id,
    contactId: row.contact_id,
    broadcastId: ctx.broadcastId,
    campaignId: ctx.campaignId,
    fromAddress: returnPathOf(row.id, ctx.sender.fromEmail),
    to: row.to_email,
    subject,
    raw,
    attempts: row.attempts,
  };
}

const subjects = new Map<string, Promise<CompiledTemplate>>();
function compiledSubject(s: string) {
  let c = subjects.get(s);
  if (!c) {
    c = compileTemplate({ format: 'html', subject: s, body: '' });
    if (subjects.size > 200) subjects.clear();
    subjects.set(s, c);
  }
  return c;
}
