import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace } from '../../apps/test-kit.ts';
import { rows } from '../../kernel/db/index.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';
import { dropExpiredEventPartitions, ensureEventPartitions, identifyVisitor, recordContactEvents } from './index.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const partitionOf = async (id: string) =>
  (await rows<{ p: string }>(t.database.db, sql`select tableoid::regclass::text as p from contact_events where id = ${id}`))[0]?.p;

describe('contact events', () => {
  it('are stored in the partition of their month, and a visitor’s history joins the contact it turns out to be', async () => {
    const ws = await createTestWorkspace(t);
    const db = t.database.db;
    const contact = (await ws.admin.api.post('/api/contacts', { firstName: 'Vera', emails: [{ email: 'visitor@events.example' }] })).json()
      .id as string;
    const visitor = crypto.randomUUID();
    const [anon, known] = await recordContactEvents(db, ws.workspaceId, [
      { kind: 'page_view', visitorId: visitor, url: 'https://example.com/pricing', props: { utm_source: 'newsletter' } },
      { kind: 'form_submit', contactId: contact, visitorId: visitor, subjectId: crypto.randomUUID() },
    ]);
    expect(await partitionOf(anon!)).toBe(`contact_events_${new Date().toISOString().slice(0, 7).replace('-', '_')}`);

    expect(await identifyVisitor(db, ws.workspaceId, visitor, contact)).toBe(1);
    const mine = await rows<{ id: string; kind: string }>(
      db,
      sql`select id, kind from contact_events where workspace_id = ${ws.workspaceId} and contact_id = ${contact} order by kind`,
    );
    expect(mine.map((e) => e.id).sort()).toEqual([anon, known].sort());
    // Another workspace's visitor with the same id is not touched.
    const other = await createTestWorkspace(t);
    await recordContactEvents(db, other.workspaceId, [{ kind: 'page_view', visitorId: visitor }]);
    expect(await identifyVisitor(db, ws.workspaceId, visitor, contact)).toBe(0);
  });

  it('keeps events of a month without a partition in the default one and moves them when the month is created; drops expired months', async () => {
    const ws = await createTestWorkspace(t);
    const db = t.database.db;
    const long = new Date(Date.UTC(2019, 4, 17, 12));
    const [old] = await recordContactEvents(db, ws.workspaceId, [{ kind: 'custom', name: 'legacy', occurredAt: long }]);
    expect(await partitionOf(old!)).toBe('contact_events_default');

    expect(await ensureEventPartitions(db, long, long)).toEqual(['contact_events_2019_05']);
    expect(await partitionOf(old!)).toBe('contact_events_2019_05');
    expect(await ensureEventPartitions(db, long, long)).toEqual(['contact_events_2019_05']);

    const dropped = await dropExpiredEventPartitions(db, 25, new Date(Date.UTC(2022, 0, 1)));
    expect(dropped).toContain('contact_events_2019_05');
    expect(await partitionOf(old!)).toBeUndefined();
  });
});
