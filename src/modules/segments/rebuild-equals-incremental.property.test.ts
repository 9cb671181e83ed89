import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace } from '../../apps/test-kit.ts';
import { newId, rows } from '../../kernel/db/index.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';
import { recordContactEvents } from '../engagement/index.ts';
import { createList, createSegment, drainDirtyContacts, rebuildSegment } from './index.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const stages = ['lead', 'marketing_qualified', 'customer'] as const;
const countries = ['DE', 'FR', 'AT'] as const;

// Writes as SQL: the triggers, not the use cases, are what mark contacts, so bulk imports and fixes are covered too.
const op = fc.oneof(
  fc.record({ k: fc.constant('stage' as const), c: fc.nat(5), v: fc.constantFrom(...stages) }),
  fc.record({ k: fc.constant('tag' as const), c: fc.nat(5), on: fc.boolean() }),
  fc.record({ k: fc.constant('country' as const), co: fc.nat(1), v: fc.constantFrom(...countries) }),
  fc.record({ k: fc.constant('list' as const), c: fc.nat(5), on: fc.boolean() }),
  fc.record({ k: fc.constant('event' as const), c: fc.nat(5), daysAgo: fc.integer({ min: 0, max: 20 }), pricing: fc.boolean() }),
  fc.record({ k: fc.constant('delete' as const), c: fc.nat(5) }),
  fc.record({ k: fc.constant('deal' as const), c: fc.nat(5), won: fc.boolean() }),
  fc.record({ k: fc.constant('drain' as const) }),
);

describe('incremental membership', () => {
  it('equals a full rebuild after any sequence of changes', async () => {
    const ws = await createTestWorkspace(t);
    const db = t.database.db;
    const w = ws.workspaceId;
    const ctx = ws.admin.ctx;
    const pipeline = (await ws.admin.api.post('/api/pipelines', { name: 'P' })).json();
    const openStage = pipeline.stages[0].id as string;
    const wonStage = pipeline.stages.find((s: { type: string }) => s.type === 'won').id as string;
    const list = await createList(ctx, { name: 'L' });
    const definitions = [
      {
        and: [
          { field: 'lifecycle_stage', op: 'eq', value: 'customer' },
          { predicate: 'company', where: { field: 'country', op: 'in', value: ['DE', 'AT'] } },
        ],
      },
      {
        or: [
          { predicate: 'in_list', list: list.id },
          { field: 'tags', op: 'has_any', value: ['hot'] },
        ],
      },
      {
        and: [
          { not: { field: 'lifecycle_stage', op: 'eq', value: 'lead' } },
          {
            predicate: 'has_event',
            kind: 'page_view',
            where: { field: 'url', op: 'contains', value: 'pricing' },
            count: { op: 'gte', value: 2 },
            within: { n: 10, unit: 'day' },
          },
        ],
      },
      { predicate: 'has_deal', where: { field: 'status', op: 'eq', value: 'won' } },
    ];
    const segs: string[] = [];
    for (const [i, definition] of definitions.entries()) segs.push((await createSegment(ctx, { name: `S${i}`, definition })).id);

    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        // A fresh population each run.
        await db.execute(sql`delete from contacts where workspace_id = ${w}`);
        await db.execute(sql`delete from deals where workspace_id = ${w}`);
        const companies = [newId(), newId()];
        await db.execute(sql`delete from companies where workspace_id = ${w}`);
        for (const id of companies)
          await db.execute(sql`insert into companies (id, workspace_id, name, country) values (${id}, ${w}, 'Co', 'DE')`);
        const people = Array.from({ length: 6 }, () => newId());
        for (const [i, id] of people.entries())
          await db.execute(
            sql`insert into contacts (id, workspace_id, display_name, lifecycle_stage, company_id) values (${id}, ${w}, 'P', ${stages[i % 3]}, ${companies[i % 2]})`,
          );
        for (const s of segs) await rebuildSegment(db, w, s);
        for (const o of ops) {
          if (o.k === 'stage') await db.execute(sql`update contacts set lifecycle_stage = ${o.v} where id = ${people[o.c]}`);
          if (o.k === 'tag')
            await db.execute(sql`update contacts set tags = ${o.on ? sql`array['hot']` : sql`'{}'::text[]`} where id = ${people[o.c]}`);
          if (o.k === 'country') await db.execute(sql`update companies set country = ${o.v} where id = ${companies[o.co]}`);
          if (o.k === 'list')
            await db.execute(
              o.on
                ? sql`insert into list_members (workspace_id, list_id, contact_id) values (${w}, ${list.id}, ${people[o.c]}) on conflict do nothing`
                : sql`delete from list_members where list_id = ${list.id} and contact_id = ${people[o.c]}`,
            );
          if (o.k === 'event')
            await recordContactEvents(db, w, [
              {
                kind: 'page_view',
                contactId: people[o.c],
                url: o.pricing ? '/pricing' : '/blog',
                occurredAt: new Date(Date.now() - o.daysAgo * 86_400_000),
              },
            ]);
          if (o.k === 'delete') await db.execute(sql`update contacts set deleted_at = now() where id = ${people[o.c]}`);
          if (o.k === 'deal') {
            const id = newId();
            await db.execute(sql`insert into deals (id, workspace_id, name, pipeline_id, stage_id, status, currency, stage_entered_at)
              values (${id}, ${w}, 'D', ${pipeline.id}, ${o.won ? wonStage : openStage}, ${o.won ? 'won' : 'open'}, 'USD', now())`);
            await db.execute(sql`insert into deal_contacts (workspace_id, deal_id, contact_id) values (${w}, ${id}, ${people[o.c]})`);
          }
          if (o.k === 'drain') await drainDirtyContacts(db, { workspaceId: w });
        }
        await drainDirtyContacts(db, { workspaceId: w });
        const incremental = await rows(db, sql`select segment_id, contact_id from segment_members where workspace_id = ${w} order by 1, 2`);
        for (const s of segs) await rebuildSegment(db, w, s);
        const rebuilt = await rows(db, sql`select segment_id, contact_id from segment_members where workspace_id = ${w} order by 1, 2`);
        expect(incremental).toEqual(rebuilt);
        const counts = await rows<{ member_count: number; n: number }>(
          db,
          sql`select s.member_count, (select count(*)::int from segment_members m where m.segment_id = s.id) as n from segments s where s.workspace_id = ${w}`,
        );
        for (const c of counts) expect(c.member_count).toBe(c.n);
      }),
      { numRuns: 12 },
    );
  }, 300_000);
});
