import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { getContact } from '../../contacts/index.ts';

interface SessionRow {
  id: string;
  site_name: string | null;
  started_at: string | Date;
  last_seen_at: string | Date;
  landing_url: string | null;
  referrer: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_campaign: string | null;
  utm_term: string | null;
  utm_content: string | null;
  page_count: number;
}

/** A contact's latest web sessions (newest first) with their page views and custom events; the caller must see the contact. */
export async function getContactWebActivity(ctx: Ctx, contactId: string, limit = 20) {
  const contact = await getContact(ctx, contactId);
  const sessions = await rows<SessionRow>(
    ctx.db,
    sql`select s.id, t.name as site_name, s.started_at, s.last_seen_at, s.landing_url, s.referrer, s.utm_source, s.utm_medium,
          s.utm_campaign, s.utm_term, s.utm_content, s.page_count
        from web_sessions s left join tracking_sites t on t.id = s.site_id and t.workspace_id = s.workspace_id
        where s.workspace_id = ${ctx.workspaceId} and s.contact_id = ${contact.id}
        order by s.started_at desc limit ${limit + 1}`,
  );
  const page = sessions.slice(0, limit);
  const events = page.length
    ? await rows<{
        session_id: string;
        kind: string;
        name: string | null;
        url: string | null;
        title: string | null;
        occurred_at: string | Date;
      }>(
        ctx.db,
        sql`select session_id, kind, name, url, props->>'title' as title, occurred_at from contact_events
            where workspace_id = ${ctx.workspaceId} and contact_id = ${contact.id} and kind in ('page_view', 'custom')
              and occurred_at >= ${new Date(page.at(-1)!.started_at).toISOString()}::timestamptz
              and session_id in (select (jsonb_array_elements_text(${JSON.stringify(page.map((s) => s.id))}::jsonb))::uuid)
            order by occurred_at`,
      )
    : [];
  return {
    sessions: page.map((s) => ({
      id: s.id,
      siteName: s.site_name,
      startedAt: new Date(s.started_at),
      lastSeenAt: new Date(s.last_seen_at),
      landingUrl: s.landing_url,
      referrer: s.referrer,
      utm: Object.fromEntries(
        (['source', 'medium', 'campaign', 'term', 'content'] as const)
          .map((k) => [k, s[`utm_${k}`]] as const)
          .filter((e): e is [(typeof e)[0], string] => e[1] !== null),
      ),
      pageCount: s.page_count,
      events: events
        .filter((e) => e.session_id === s.id)
        .map((e) => ({ kind: e.kind, name: e.name, url: e.url, title: e.title, occurredAt: new Date(e.occurred_at) })),
    })),
    hasMore: sessions.length > limit,
  };
}
