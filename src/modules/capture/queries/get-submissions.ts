import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';

interface Row {
  id: string;
  contact_id: string | null;
  contact_name: string | null;
  outcome: string;
  data: Record<string, string>;
  consent_given: boolean;
  consent_version: number | null;
  ip: string | null;
  page_url: string | null;
  referrer: string | null;
  utm: Record<string, string>;
  created_at: Date | string;
}

const cursorOf = (r: Row) => Buffer.from(`${new Date(r.created_at).toISOString()}|${r.id}`).toString('base64url');

/** A form's submissions, newest first, keyset-paged by (created_at, id). */
export async function getSubmissions(ctx: Ctx, formId: string, opts: { cursor?: string; limit: number }) {
  let after = sql``;
  if (opts.cursor) {
    const [at, id] = Buffer.from(opts.cursor, 'base64url').toString().split('|');
    if (!at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id))
      throw new AppError('validation_failed', 'The cursor is not one this list gave out; start again without it.', {
        path: ['query', 'cursor'],
      });
    after = sql`and (s.created_at, s.id) < (${at}::timestamptz, ${id}::uuid)`;
  }
  const list = await rows<Row>(
    ctx.db,
    sql`select s.id, s.contact_id, c.display_name as contact_name, s.outcome, s.data, s.consent_given, v.version as consent_version,
          s.ip, s.page_url, s.referrer, s.utm, s.created_at
        from form_submissions s
        left join contacts c on c.workspace_id = s.workspace_id and c.id = s.contact_id and c.deleted_at is null
        left join form_consent_versions v on v.workspace_id = s.workspace_id and v.id = s.consent_version_id
        where s.workspace_id = ${ctx.workspaceId} and s.form_id = ${formId} ${after}
        order by s.created_at desc, s.id desc limit ${opts.limit + 1}`,
  );
  const more = list.length > opts.limit;
  const page = list.slice(0, opts.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      contactId: r.contact_id,
      contactName: r.contact_name,
      outcome: r.outcome,
      data: r.data,
      consentGiven: r.consent_given,
      consentVersion: r.consent_version,
      ip: r.ip,
      pageUrl: r.page_url,
      referrer: r.referrer,
      utm: r.utm,
      createdAt: new Date(r.created_at),
    })),
    nextCursor: more ? cursorOf(page[page.length - 1]!) : null,
  };
}
