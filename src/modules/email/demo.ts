import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import type { Database } from '../../kernel/db/index.ts';
import { newId } from '../../kernel/db/index.ts';
import { ensureEventPartitions } from '../engagement/index.ts';
import { createSender } from './use-cases/manage-senders.ts';
import { createSubscriptionType } from './use-cases/manage-subscriptions.ts';
import { createTemplate } from './use-cases/save-template.ts';

const newsletter = `<mjml><mj-body background-color="#f4f5f7"><mj-section background-color="#ffffff"><mj-column>
<mj-text font-size="22px" font-weight="bold">{{ campaign.name }}</mj-text>
<mj-text>Hi {{ contact.first_name | default: "there" }},</mj-text>
<mj-text>Here is what changed at Northwind this month, and what teams like {{ company.name | default: "yours" }} are doing with it.</mj-text>
<mj-button href="https://northwind.example/blog?utm_source=newsletter&amp;utm_medium=email">Read the stories</mj-button>
<mj-text>Questions? Reply to this email and {{ owner.name | default: "our team" }} will get back to you.</mj-text>
</mj-column></mj-section></mj-body></mjml>`;

const webinar = `<p>Hi {{ contact.first_name | default: "there" }},</p>
<p>Join our live session next Thursday: how revenue teams run one pipeline from first touch to renewal.</p>
<p><a href="https://northwind.example/webinar?utm_source=invite&amp;utm_medium=email">Save your seat</a></p>`;

const welcome = `<p>Welcome {{ contact.first_name | default: "aboard" }}!</p>
<p>Your account is ready. Start with the <a href="https://northwind.example/docs/getting-started">getting-started guide</a>.</p>`;

/** A stable number in [0, 1) from a seed string (the demo stays the same from run to run). */
const frac = (col: string, salt: string) => sql.raw(`(('x' || substr(md5(${col} || '${salt}'), 1, 8))::bit(32)::bigint / 4294967296.0)`);

/**
 * Senders, subscription types, three templates and a year of monthly newsletters and webinar invites to the demo
 * contacts, with opens (human and machine), clicks, a few bounces and unsubscribes. The outbox is the transport.
 */
export async function seedEmailDemo(p: { database: Database }, workspaceId: string, adminId: string) {
  const db = p.database.db;
  const ctx: Ctx = { db, workspaceId, actor: { type: 'user', id: adminId, userId: adminId, label: 'demo', role: 'admin' } };
  const sender = await createSender(ctx, {
    fromName: 'Northwind',
    fromEmail: 'news@northwind.example',
    replyTo: 'hello@northwind.example',
    postalAddress: '221 Market Street, London EC1A 1AA',
    isDefault: true,
  });
  const types = [
    await createSubscriptionType(ctx, {
      key: 'newsletter',
      name: 'Monthly newsletter',
      description: 'Stories, tips and what shipped this month',
    }),
    await createSubscriptionType(ctx, { key: 'events', name: 'Events and webinars', description: 'Invitations to live sessions' }),
    await createSubscriptionType(ctx, { key: 'product', name: 'Product updates', description: 'Release notes for customers' }),
  ];
  const tNews = await createTemplate(ctx, {
    name: 'Monthly newsletter',
    format: 'mjml',
    subject: '{{ campaign.name }}: what changed this month',
    preheader: 'Stories from teams like yours',
    body: newsletter,
  });
  const tWeb = await createTemplate(ctx, {
    name: 'Webinar invitation',
    format: 'html',
    subject: '{{ contact.first_name | default: "You" }}, join our live session',
    preheader: '',
    body: webinar,
  });
  await createTemplate(ctx, { name: 'Welcome', format: 'html', subject: 'Welcome to Northwind', preheader: '', body: welcome });

  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const now = Date.now();
  await ensureEventPartitions(db, new Date(now - 400 * 86400_000), new Date(now + 31 * 86400_000));
  for (let i = 12; i >= 1; i--) {
    for (const kind of ['news', 'webinar'] as const) {
      if (kind === 'webinar' && i % 3 !== 0) continue;
      const at = new Date(now - i * 30 * 86400_000 + (kind === 'webinar' ? 12 * 86400_000 : 0));
      const id = newId();
      const variantId = newId();
      const name = kind === 'news' ? `${months[at.getUTCMonth()]} newsletter` : `Webinar invite ${months[at.getUTCMonth()]}`;
      const tpl = kind === 'news' ? tNews : tWeb;
      const type = kind === 'news' ? types[0]! : types[1]!;
      const share = kind === 'news' ? 0.8 : 0.45;
      const url =
        kind === 'news'
          ? 'https://northwind.example/blog?utm_source=newsletter&utm_medium=email'
          : 'https://northwind.example/webinar?utm_source=invite&utm_medium=email';
      await db.execute(sql`insert into email_broadcasts (id, workspace_id, name, sender_id, subscription_type_id, audience, status, started_at,
          finished_at, recipients_ready, created_by, created_at)
          values (${id}, ${workspaceId}, ${name}, ${sender.id}, ${type.id}, ${JSON.stringify({ kind: 'filter', filter: { field: 'email', op: 'is_not_empty' } })}::jsonb,
          'sent', ${at.toISOString()}, ${new Date(at.getTime() + 20 * 60_000).toISOString()}, true, ${adminId}, ${at.toISOString()})`);
      await db.execute(sql`insert into email_broadcast_variants (id, workspace_id, broadcast_id, label, template_version_id)
          values (${variantId}, ${workspaceId}, ${id}, 'A', ${tpl.current.id})`);
      // Engagement follows the contact: a stable per-person appetite, so the same people open month after month.
      await db.execute(sql`insert into email_messages (id, workspace_id, broadcast_id, variant_id, contact_id, to_email, template_version_id,
            sender_id, subject, status, sent_at, opened_at, machine_opened_at, clicked_at, bounced_at, bounce_type, unsubscribed_at, created_at)
          select gen_random_uuid(), ${workspaceId}, ${id}, ${variantId}, c.id, lower(c.email), ${tpl.current.id}, ${sender.id}, ${name}, 'sent',
            ${at.toISOString()}::timestamptz,
            case when ${frac('c.id', 'appetite')} * ${frac('c.id', id)} > 0.18 and ${frac('c.id', `b${id}`)} > 0.02 then ${at.toISOString()}::timestamptz + (${frac('c.id', `o${id}`)} * interval '3 days') end,
            case when ${frac('c.id', 'apple')} < 0.3 then ${at.toISOString()}::timestamptz + interval '40 seconds' end,
            case when ${frac('c.id', 'appetite')} * ${frac('c.id', id)} > 0.55 then ${at.toISOString()}::timestamptz + (${frac('c.id', `k${id}`)} * interval '4 days') + interval '5 minutes' end,
            case when ${frac('c.id', `b${id}`)} <= 0.02 then ${at.toISOString()}::timestamptz + interval '2 minutes' end,
            case when ${frac('c.id', `b${id}`)} <= 0.005 then 'hard' when ${frac('c.id', `b${id}`)} <= 0.02 then 'soft' end,
            case when ${frac('c.id', `u${id}`)} < 0.003 then ${at.toISOString()}::timestamptz + interval '1 day' end,
            ${at.toISOString()}::timestamptz
          from contacts c where c.workspace_id = ${workspaceId} and c.deleted_at is null and c.email is not null
            and ${frac('c.id', `s${kind}`)} < ${share}`);
      await db.execute(
        sql`update email_broadcasts set recipient_count = (select count(*) from email_messages where broadcast_id = ${id}) where id = ${id}`,
      );
      await db.execute(sql`insert into email_link_clicks (workspace_id, broadcast_id, url, clicks, unique_clicks)
          select ${workspaceId}, ${id}, ${url}, (count(*) * 1.3)::int, count(*) from email_messages where broadcast_id = ${id} and clicked_at is not null`);
      await db.execute(sql`insert into contact_events (workspace_id, id, occurred_at, contact_id, kind, url, subject_id, props)
          select ${workspaceId}::uuid, gen_random_uuid(), opened_at, contact_id, 'email_open', null, ${id}::uuid, jsonb_build_object('messageId', id, 'machine', false)
            from email_messages where broadcast_id = ${id} and opened_at is not null
          union all
          select ${workspaceId}::uuid, gen_random_uuid(), clicked_at, contact_id, 'email_click', ${url}, ${id}::uuid, jsonb_build_object('messageId', id, 'machine', false)
            from email_messages where broadcast_id = ${id} and clicked_at is not null
          union all
          select ${workspaceId}::uuid, gen_random_uuid(), unsubscribed_at, contact_id, 'unsubscribe', null, ${id}::uuid, jsonb_build_object('messageId', id)
            from email_messages where broadcast_id = ${id} and unsubscribed_at is not null`);
    }
  }
  // Hard bounces and unsubscribes are on the suppression list, as the live rules would have put them.
  await db.execute(sql`insert into email_suppressions (workspace_id, email, reason, detail, contact_id, created_at)
      select distinct on (to_email) ${workspaceId}, to_email, case when bounce_type = 'hard' then 'hard_bounce' else 'unsubscribed' end,
        case when bounce_type = 'hard' then '550 5.1.1 mailbox unavailable' else 'unsubscribe link' end, contact_id, coalesce(bounced_at, unsubscribed_at)
      from email_messages where workspace_id = ${workspaceId} and (bounce_type = 'hard' or unsubscribed_at is not null)
      order by to_email, coalesce(bounced_at, unsubscribed_at)
      on conflict do nothing`);
}
