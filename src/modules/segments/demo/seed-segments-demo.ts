import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import type { Database } from '../../../kernel/db/index.ts';
import { rebuildSegment } from '../jobs/rebuild-segment-job.ts';
import { addToList } from '../use-cases/change-list-members.ts';
import { createList } from '../use-cases/save-list.ts';
import { createSegment } from '../use-cases/save-segment.ts';

/**
 * Demo segments and lists over the CRM and sales demo: evaluated at once (the demo has no worker running yet), so the
 * counts are real. Behaviour segments fill as tracking, forms and email write the behaviour log.
 */
export async function seedSegmentsDemo(p: { database: Database }, workspaceId: string, adminId: string) {
  const db = p.database.db;
  const ctx: Ctx = { db, workspaceId, actor: { type: 'user', id: adminId, userId: adminId, label: 'demo', role: 'admin' } };
  const vip = await createList(ctx, { name: 'VIP event invitees', description: 'Hand-picked for the customer advisory dinner' });
  const newsletter = await createList(ctx, {
    name: 'Newsletter import (Q3 fair)',
    description: 'Badge scans from the trade fair, imported by email',
  });
  const segments = [
    await createSegment(ctx, {
      name: 'MQLs visiting pricing in the last 30 days',
      description: 'Marketing-qualified leads who looked at the pricing page recently: hand them to sales',
      definition: {
        and: [
          { field: 'lifecycle_stage', op: 'eq', value: 'marketing_qualified' },
          {
            predicate: 'has_event',
            kind: 'page_view',
            where: { field: 'url', op: 'contains', value: '/pricing' },
            within: { n: 30, unit: 'day' },
          },
        ],
      },
    }),
    await createSegment(ctx, {
      name: 'Customers in DACH',
      description: 'Customers whose company is in Germany, Austria or Switzerland',
      definition: {
        and: [
          { field: 'lifecycle_stage', op: 'eq', value: 'customer' },
          { predicate: 'company', where: { field: 'country', op: 'in', value: ['DE', 'AT', 'CH'] } },
        ],
      },
    }),
    await createSegment(ctx, {
      name: 'On an open deal with a next step',
      description: 'People on an open deal whose next step is planned',
      definition: {
        predicate: 'has_deal',
        where: {
          and: [
            { field: 'status', op: 'eq', value: 'open' },
            { field: 'next_step', op: 'is_not_empty' },
          ],
        },
      },
    }),
    await createSegment(ctx, {
      name: 'Won in the last 90 days',
      description: 'Contacts on a deal won in the last 90 days: ask for a review',
      definition: {
        predicate: 'has_deal',
        where: {
          and: [
            { field: 'status', op: 'eq', value: 'won' },
            { field: 'closed_at', op: 'in_last', value: { n: 90, unit: 'day' } },
          ],
        },
      },
    }),
    await createSegment(ctx, {
      name: 'Opted-in newsletter readers',
      description: 'On the fair import list and opted in to email',
      definition: {
        and: [
          { predicate: 'in_list', list: newsletter.id },
          { field: 'email_consent', op: 'eq', value: 'subscribed' },
        ],
      },
    }),
  ];
  const pick = (n: number, where: ReturnType<typeof sql>) =>
    db.execute(sql`select id from contacts where workspace_id = ${workspaceId} and deleted_at is null and ${where} order by id limit ${n}`);
  const ids = (r: unknown) => (r as { rows: { id: string }[] }).rows.map((x) => x.id);
  await addToList(ctx, vip.id, { contactIds: ids(await pick(25, sql`lifecycle_stage = 'customer'`)) });
  const emails = (await db.execute(
    sql`select email from contacts where workspace_id = ${workspaceId} and deleted_at is null and email is not null order by md5(id::text) limit 300`,
  )) as unknown as { rows: { email: string }[] };
  await addToList(ctx, newsletter.id, { emails: [...emails.rows.map((r) => r.email), 'not-in-crm@example.org'] }, 'import');
  for (const s of segments) await rebuildSegment(db, workspaceId, s.id);
  await db.execute(sql`delete from segment_dirty where workspace_id = ${workspaceId}`);
}
