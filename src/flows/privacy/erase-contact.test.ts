import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../apps/test-kit.ts';
import { type Executor, rows } from '../../kernel/db/index.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';
import { recordContactEvents } from '../../modules/engagement/index.ts';

let t: TestPlatform;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
});
afterAll(() => t.close());

const post = async (url: string, body: unknown, status = 201, headers?: Record<string, string>) => {
  const res = await ws.admin.api.post(url, body, headers);
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
};

interface Hit {
  table: string;
  column: string;
  value: string;
}

/** Every row of every table whose text, json, uuid or array columns contain `needle`, from information_schema. */
async function findEverywhere(db: Executor, needle: string): Promise<Hit[]> {
  const columns = await rows<{ table_name: string; column_name: string }>(
    db,
    sql`select c.table_name, c.column_name from information_schema.columns c join information_schema.tables t
          on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
          and (c.data_type in ('text', 'character varying', 'jsonb', 'json', 'uuid', 'ARRAY'))`,
  );
  const hits: Hit[] = [];
  for (const c of columns) {
    const col = sql.identifier(c.column_name);
    const found = await rows<{ v: string }>(
      db,
      sql`select ${col}::text as v from ${sql.identifier(c.table_name)} where strpos(lower(${col}::text), ${needle.toLowerCase()}) > 0 limit 5`,
    );
    hits.push(...found.map((f) => ({ table: c.table_name, column: c.column_name, value: f.v })));
  }
  return hits;
}

describe('erasing a contact', () => {
  it('leaves no row in any table with its id or emails, except the erasure tombstones', async () => {
    const acme = (await post('/api/companies', { name: 'Acme Erase', domain: 'acme-erase.example' })).id;
    await post('/api/custom-fields', { entityType: 'contact', key: 'assistant_email', label: 'Assistant', type: 'email' });
    const colleague = (
      await post('/api/contacts', { firstName: 'Colleague', companyId: acme, custom: { assistant_email: 'erin@erase-me.example' } })
    ).id;
    const erin = await post(
      '/api/contacts',
      {
        firstName: 'Erin',
        lastName: 'Erasable',
        emails: [{ email: 'erin@erase-me.example' }, { email: 'erin.private@home-erase.example' }],
        phones: [{ phone: '+1 202 555 0199' }],
        companyId: acme,
        lifecycleStage: 'lead',
        tags: ['gdpr'],
      },
      201,
      { 'idempotency-key': 'create-erin' },
    );
    const id = erin.id as string;
    const twin = (
      await post('/api/contacts', {
        firstName: 'Erin',
        lastName: 'Twin',
        emails: [{ email: 'twin@erase-me-too.example' }],
        companyId: null,
      })
    ).id;
    await post('/api/contacts/merge', { survivorId: id, mergedIds: [twin] }, 200);
    const other = (await post('/api/contacts', { firstName: 'Other', lastName: 'Person', companyId: null })).id;
    await post('/api/duplicates/dismiss', { entityType: 'contact', ids: [id, other] }, 200);
    await post(`/api/contacts/${id}/consent`, { status: 'subscribed' });
    await ws.admin.api.patch(`/api/contacts/${id}`, { lifecycleStage: 'customer', title: 'Chief Erasure Officer' });
    const own = (await post('/api/activities', { type: 'note', body: 'Only about Erin', links: [{ entityType: 'contact', entityId: id }] }))
      .id;
    const shared = (
      await post('/api/activities', {
        type: 'email',
        subject: 'Intro',
        body: 'Wrote to erin@erase-me.example about the deal',
        direction: 'outbound',
        from: 'sales@acme-erase.example',
        to: ['erin@erase-me.example'],
        links: [
          { entityType: 'contact', entityId: id },
          { entityType: 'company', entityId: acme },
        ],
      })
    ).id;
    const mention = (
      await post('/api/activities', {
        type: 'note',
        body: 'Cc erin.private@home-erase.example next time',
        links: [{ entityType: 'contact', entityId: other }],
      })
    ).id;
    const rep = await ws.member('sales_rep');
    await post('/api/tasks', { title: 'Call Erin', entityType: 'contact', entityId: id, assigneeId: rep.userId });
    await post('/api/views', {
      entityType: 'contact',
      name: 'Erin',
      definition: { filter: { field: 'email', op: 'eq', value: 'erin@erase-me.example' } },
    });
    await post('/api/bulk/contacts', { selection: { ids: [id, other] }, action: 'add_tags', params: { tags: ['bulk'] } }, 200);
    expect((await ws.admin.api.get(`/api/contacts/${id}/export`)).statusCode).toBe(200);

    const db = t.database.db;
    // Rows the sales, routing and imports modules keep about a contact, written directly (their own tests cover the APIs).
    const w = ws.workspaceId;
    const someId = crypto.randomUUID();
    await db.execute(sql`insert into deal_contacts (workspace_id, deal_id, contact_id, role) values (${w}, ${someId}, ${id}, 'champion')`);
    await db.execute(sql`insert into lead_assignments (id, workspace_id, contact_id, reason, assigned_at, due_at)
      values (${crypto.randomUUID()}, ${w}, ${id}, 'unassigned', now(), now())`);
    await db.execute(
      sql`insert into follow_ups (workspace_id, entity_type, entity_id, since, owner_id) values (${w}, 'contact', ${id}, now(), ${someId})`,
    );
    await db.execute(sql`insert into import_changes (workspace_id, import_id, entity_type, record_id, action, row_number, before)
      values (${w}, ${someId}, 'contact', ${id}, 'updated', 2, ${JSON.stringify({ email: 'erin@erase-me.example' })}::jsonb)`);
    await db.execute(
      sql`insert into external_ids (workspace_id, entity_type, external_id, record_id) values (${w}, 'contact', 'crm-42', ${id})`,
    );
    // Behaviour: one event of the contact and one of the same browser before it was identified.
    const visitor = crypto.randomUUID();
    await recordContactEvents(db, w, [
      { kind: 'page_view', contactId: id, visitorId: visitor, url: 'https://acme-erase.example/pricing' },
      { kind: 'page_view', visitorId: visitor, url: 'https://acme-erase.example/?email=erin@erase-me.example' },
    ]);
    // Inbound mail quoting the person: a bounce of this workspace (the address in other case) and one matched to no workspace.
    const dsn = (to: string) =>
      `From: MAILER-DAEMON@mx.example\r\nTo: bounces@tandem.test\r\nSubject: Undelivered Mail\r\n\r\n<${to}>: host mx said: 550 5.1.1 user unknown\r\n`;
    await db.execute(sql`insert into email_inbound (id, workspace_id, source, envelope_to, raw, status, kind, results)
      values (${crypto.randomUUID()}, ${w}, 'webhook', '[]'::jsonb, ${dsn('Erin@Erase-Me.example')}, 'processed', 'hard',
        ${JSON.stringify([{ kind: 'hard', recipient: 'erin@erase-me.example' }])}::jsonb)`);
    await db.execute(sql`insert into email_inbound (id, workspace_id, source, envelope_to, raw, status)
      values (${crypto.randomUUID()}, null, 'smtp', '["bounces@tandem.test"]'::jsonb, ${dsn('erin.private@home-erase.example')}, 'unmatched')`);
    // What the email module keeps: a message and its stored copy, a suppression by address and an opt-out.
    const messageId = crypto.randomUUID();
    await db.execute(sql`insert into email_messages (id, workspace_id, contact_id, to_email, subject, status, data)
      values (${messageId}, ${w}, ${id}, 'erin@erase-me.example', 'For erin@erase-me.example', 'sent', '{"note": "x"}'::jsonb)`);
    await db.execute(sql`insert into email_outbox (id, workspace_id, message_id, to_email, subject, eml)
      values (${crypto.randomUUID()}, ${w}, ${messageId}, 'erin@erase-me.example', 'Hi', 'To: erin@erase-me.example\r\n\r\nHi Erin')`);
    await db.execute(sql`insert into email_suppressions (workspace_id, email, reason, contact_id)
      values (${w}, 'erin.private@home-erase.example', 'hard_bounce', ${id})`);
    await db.execute(sql`insert into email_opt_outs (workspace_id, contact_id, type_id) values (${w}, ${id}, ${someId})`);
    const eventsPartition = `contact_events_${new Date().toISOString().slice(0, 7).replace('-', '_')}`;
    // The scan below proves something only if the id and emails were spread around first.
    const tablesOf = async (needle: string) => [...new Set((await findEverywhere(db, needle)).map((h) => h.table))].sort();
    expect(await tablesOf(id)).toEqual(
      expect.arrayContaining([
        'activity_links',
        'audit_log',
        'bulk_operation_items',
        'bulk_operations',
        'contact_companies',
        'contact_emails',
        'contacts',
        'consent_history',
        eventsPartition,
        'deal_contacts',
        'duplicate_dismissals',
        'email_messages',
        'email_opt_outs',
        'email_suppressions',
        'external_ids',
        'follow_ups',
        'idempotency_keys',
        'import_changes',
        'lead_assignments',
        'lifecycle_history',
        'outbox_events',
        'record_aliases',
        'tasks',
      ]),
    );
    expect(await tablesOf('erin@erase-me.example')).toEqual(
      expect.arrayContaining([
        'activities',
        'audit_log',
        'contact_emails',
        'contacts',
        'email_inbound',
        'email_messages',
        'email_outbox',
        eventsPartition,
        'idempotency_keys',
        'outbox_events',
        'saved_views',
      ]),
    );

    const res = await ws.admin.api.post(`/api/contacts/${id}/erase`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ id, suppressedEmails: 3 });

    for (const needle of ['erin@erase-me.example', 'erin.private@home-erase.example', 'twin@erase-me-too.example'])
      expect(await findEverywhere(db, needle), needle).toEqual([]);
    for (const needle of [id, twin]) {
      const hits = await findEverywhere(db, needle);
      // The id survives only as the subject of redacted audit entries and outbox events, so the log still says something was done, and when.
      const tombstones = hits.filter((h) => (h.table === 'audit_log' || h.table === 'outbox_events') && h.column === 'entity_id');
      expect(
        hits.filter((h) => !tombstones.includes(h)),
        needle,
      ).toEqual([]);
    }
    const leftovers = await rows<{ before: unknown; after: unknown }>(
      db,
      sql`select before, after from audit_log where entity_id in (${id}, ${twin}) and action <> 'contact.erased'`,
    );
    expect(leftovers.length).toBeGreaterThan(3);
    for (const l of leftovers) expect([l.before, l.after].filter((v) => v !== null)).toEqual(expect.arrayContaining([{ erased: true }]));

    expect((await ws.admin.api.get(`/api/contacts/${id}`)).statusCode).toBe(404);
    expect((await ws.admin.api.get(`/api/activities/${own}`)).statusCode).toBe(404);
    const kept = (await ws.admin.api.get(`/api/activities/${shared}`)).json();
    expect(kept).toMatchObject({ body: 'Wrote to [erased] about the deal', links: [{ entityType: 'company', entityId: acme }] });
    expect((await ws.admin.api.get(`/api/activities/${mention}`)).json().body).toBe('Cc [erased] next time');
    expect((await ws.admin.api.get(`/api/contacts/${colleague}`)).json().custom).toEqual({ assistant_email: '[erased]' });
    const [message] = await rows(db, sql`select contact_id, to_email, subject, status, data from email_messages where id = ${messageId}`);
    expect(message).toEqual({ contact_id: null, to_email: '[erased]', subject: 'For [erased]', status: 'sent', data: { erased: true } });
    const again = await ws.admin.api.post('/api/contacts', { firstName: 'Erin', emails: [{ email: 'Erin@Erase-Me.example' }] });
    expect(again.json().error.code).toBe('contact_erased');
    const [event] = await rows<{ data: unknown }>(
      db,
      sql`select data from outbox_events where type = 'contact.erased' and entity_id = ${id}`,
    );
    expect(event!.data).toEqual({ suppressedEmails: 3 });
    // The scans read every column of every table several times: slow on PGlite when the machine is busy.
  }, 180_000);

  it('deletes inbound mail that answers the person’s messages, and leaves other people’s', async () => {
    const id = (await post('/api/contacts', { firstName: 'Rhea', emails: [{ email: 'rhea@erase-inbound.example' }], companyId: null })).id;
    const db = t.database.db;
    const w = ws.workspaceId;
    const [mine, theirs] = [crypto.randomUUID(), crypto.randomUUID()];
    await db.execute(sql`insert into email_messages (id, workspace_id, contact_id, to_email, status)
      values (${mine}, ${w}, ${id}, 'rhea@erase-inbound.example', 'sent'), (${theirs}, ${w}, null, 'someone@else.example', 'sent')`);
    // An auto-reply from another mailbox of hers (the raw text names no address we know), and a reply to someone else.
    const inbound = async (messageId: string, raw: string) => {
      const inboundId = crypto.randomUUID();
      await db.execute(sql`insert into email_inbound (id, workspace_id, source, envelope_to, raw, status, kind, message_id)
        values (${inboundId}, ${w}, 'webhook', '[]'::jsonb, ${raw}, 'processed', 'auto_reply', ${messageId})`);
      return inboundId;
    };
    const hers = await inbound(mine, 'From: Rhea <rhea@holiday.example>\r\nSubject: Out of office\r\n\r\nBack on Monday.\r\n');
    const kept = await inbound(theirs, 'From: someone@else.example\r\nSubject: Re: hello\r\n\r\nThanks!\r\n');
    expect((await ws.admin.api.post(`/api/contacts/${id}/erase`)).statusCode).toBe(200);
    const left = await rows<{ id: string }>(db, sql`select id from email_inbound where id in (${hers}, ${kept})`);
    expect(left.map((r) => r.id)).toEqual([kept]);
  });

  it('erases by a merged-away id and a soft-deleted contact alike', async () => {
    const a = (await post('/api/contacts', { firstName: 'Soft', emails: [{ email: 'soft@erase.example' }], companyId: null })).id;
    await ws.admin.api.delete(`/api/contacts/${a}`);
    expect((await ws.admin.api.post(`/api/contacts/${a}/erase`)).json()).toEqual({ id: a, suppressedEmails: 1 });
    const s = (await post('/api/contacts', { firstName: 'Keep', companyId: null })).id;
    const m = (await post('/api/contacts', { firstName: 'Merged', companyId: null })).id;
    await post('/api/contacts/merge', { survivorId: s, mergedIds: [m] }, 200);
    expect((await ws.admin.api.post(`/api/contacts/${m}/erase`)).json().id).toBe(s);
    expect((await ws.admin.api.get(`/api/contacts/${m}`)).statusCode).toBe(404);
  });

  it('needs contacts:delete and stays in the caller’s workspace', async () => {
    const id = (await post('/api/contacts', { firstName: 'Protected', companyId: null })).id;
    const rep = await ws.member('sales_rep');
    expect((await rep.api.post(`/api/contacts/${id}/erase`)).statusCode).toBe(403);
    const b = await createTestWorkspace(t, 'Beta');
    const res = await b.admin.api.post(`/api/contacts/${id}/erase`);
    expect(res.statusCode).toBe(404);
    expect(res.json().error).toMatchObject({ code: 'contact_not_found', details: { id } });
    expect((await ws.admin.api.get(`/api/contacts/${id}`)).statusCode).toBe(200);
  });
});
