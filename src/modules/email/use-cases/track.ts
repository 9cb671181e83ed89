import { sql } from 'drizzle-orm';
import { isbot } from 'isbot';
import type { Executor } from '../../../kernel/db/index.ts';
import { rows } from '../../../kernel/db/index.ts';
import { recordContactEvents } from '../../engagement/index.ts';

/** Mail-security scanners and image proxies that fetch every image or link without a person. */
const machineAgents =
  /YahooMailProxy|Barracuda|Mimecast|Proofpoint|ms-office|Microsoft Office|Outlook-iOS|Symantec|Trend ?Micro|urlscan|python-requests|curl\//i;

/**
 * Whether an open was made by a machine: Apple Mail Privacy Protection fetches through Apple's network (17.0.0.0/8)
 * soon after delivery, scanners announce themselves, and an open within seconds of sending is a prefetch.
 * Gmail's GoogleImageProxy fetches when the person opens, so it counts as human.
 */
export function isMachineOpen(ua: string, ip: string | undefined, secondsSinceSent: number | null): boolean {
  if (/GoogleImageProxy/i.test(ua)) return false;
  if (machineAgents.test(ua) || isbot(ua)) return true;
  if (ip?.startsWith('17.')) return true;
  return secondsSinceSent !== null && secondsSinceSent < 3;
}

interface MessageRow {
  contact_id: string | null;
  broadcast_id: string | null;
  campaign_id: string | null;
  age: number | null;
  opened_at: string | null;
  clicked_at: string | null;
}

async function messageOf(exec: Executor, ws: string, id: string) {
  const [m] = await rows<MessageRow>(
    exec,
    sql`select m.contact_id, m.broadcast_id, b.campaign_id, extract(epoch from now() - m.sent_at)::float8 as age, m.opened_at, m.clicked_at
        from email_messages m left join email_broadcasts b on b.workspace_id = m.workspace_id and b.id = m.broadcast_id
        where m.workspace_id = ${ws} and m.id = ${id}`,
  );
  return m;
}

export async function recordOpen(exec: Executor, ws: string, messageId: string, ua: string, ip?: string) {
  await exec.transaction(async (tx) => {
    const m = await messageOf(tx, ws, messageId);
    if (!m) return;
    const machine = isMachineOpen(ua, ip, m.age);
    await tx.execute(
      machine
        ? sql`update email_messages set machine_opened_at = coalesce(machine_opened_at, now()) where workspace_id = ${ws} and id = ${messageId}`
        : sql`update email_messages set opened_at = coalesce(opened_at, now()) where workspace_id = ${ws} and id = ${messageId}`,
    );
    if (m.contact_id)
      await recordContactEvents(tx, ws, [
        {
          kind: 'email_open',
          contactId: m.contact_id,
          subjectId: m.broadcast_id ?? messageId,
          campaignId: m.campaign_id,
          props: { messageId, machine },
        },
      ]);
  });
}

/** A click: stamps the message (a click implies an open), counts the link for the click map, logs email_click. */
export async function recordClick(exec: Executor, ws: string, messageId: string, url: string, ua: string) {
  await exec.transaction(async (tx) => {
    const m = await messageOf(tx, ws, messageId);
    if (!m) return;
    const machine = isbot(ua) || machineAgents.test(ua);
    if (!machine) {
      await tx.execute(sql`update email_messages set clicked_at = coalesce(clicked_at, now()), opened_at = coalesce(opened_at, now())
          where workspace_id = ${ws} and id = ${messageId}`);
      if (m.broadcast_id) {
        const first = await rows(
          tx,
          sql`select 1 from contact_events where workspace_id = ${ws} and kind = 'email_click' and subject_id = ${m.broadcast_id}
              and props->>'messageId' = ${messageId} and url = ${url} limit 1`,
        );
        await tx.execute(sql`insert into email_link_clicks (workspace_id, broadcast_id, url, clicks, unique_clicks)
            values (${ws}, ${m.broadcast_id}, ${url}, 1, 1)
            on conflict (workspace_id, broadcast_id, url) do update set clicks = email_link_clicks.clicks + 1,
              unique_clicks = email_link_clicks.unique_clicks + ${first.length ? 0 : 1}`);
      }
    }
    if (m.contact_id)
      await recordContactEvents(tx, ws, [
        {
          kind: 'email_click',
          contactId: m.contact_id,
          url,
          subjectId: m.broadcast_id ?? messageId,
          campaignId: m.campaign_id,
          props: { messageId, machine },
        },
      ]);
  });
}
