import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { type Database, rows } from '../../../kernel/db/index.ts';
import { createRandom } from '../../contacts/index.ts';
import { dealContacts, dealStageHistory, deals, exchangeRates } from '../schema.ts';
import { createPipeline } from '../use-cases/create-pipeline.ts';
import { buildDemoDeals, type DemoAccount } from './build-demo-deals.ts';

export const demoDealCount = { newBusiness: 1_250, renewals: 400 };

async function insertBatches<T>(list: T[], write: (batch: T[]) => Promise<unknown>, size = 500) {
  for (let i = 0; i < list.length; i += size) await write(list.slice(i, i + size));
}

/** Monthly EUR and GBP rates into USD over the demo's two years (a gentle random walk). */
function demoRates(rand: ReturnType<typeof createRandom>, workspaceId: string, now: number) {
  const out: (typeof exchangeRates.$inferInsert)[] = [];
  const level: Record<string, number> = { EUR: 1.08, GBP: 1.26 };
  const start = new Date(now);
  for (let m = 25; m >= 0; m--) {
    const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() - m, 1));
    for (const currency of ['EUR', 'GBP']) {
      level[currency] = Math.round(level[currency]! * (1 + (rand.next() - 0.5) * 0.03) * 10_000) / 10_000;
      out.push({ workspaceId, currency, quote: 'USD', rate: String(level[currency]), validFrom: d.toISOString().slice(0, 10) });
    }
  }
  return out;
}

/**
 * Two pipelines (new business, renewals), monthly exchange rates, and 1,650 deals over two years on
 * the demo companies and their contacts, with stage histories. Run after the CRM demo. Bulk inserts
 * without audit entries or events, like the other demo seeders.
 */
export async function seedSalesDemo(p: { database: Database }, workspaceId: string, adminId: string, opts: { now?: number } = {}) {
  const db = p.database.db;
  const now = opts.now ?? Date.now();
  const rand = createRandom(20_240_777);
  const ctx: Ctx = { db, workspaceId, actor: { type: 'user', id: adminId, userId: adminId, label: 'demo', role: 'admin' } };
  const newBusiness = await createPipeline(ctx, { name: 'New business', rottingDays: 21 });
  const renewals = await createPipeline(ctx, {
    name: 'Renewals & expansion',
    rottingDays: 30,
    stages: [
      { name: 'Upcoming', probability: 40 },
      { name: 'In discussion', probability: 60, requiredFields: ['amount'] },
      { name: 'Verbal yes', probability: 85, requiredFields: ['amount', 'close_date'] },
      { name: 'Renewed', type: 'won' },
      { name: 'Churned', type: 'lost' },
    ],
  });
  const accounts = (
    await rows<{ company_id: string; name: string; owner_id: string | null; contact_ids: string[] }>(
      db,
      sql`select co.id as company_id, co.name, co.owner_id, array_agg(c.id order by c.id) as contact_ids
          from companies co join contacts c on c.workspace_id = co.workspace_id and c.company_id = co.id and c.deleted_at is null
          where co.workspace_id = ${workspaceId} and co.deleted_at is null group by co.id order by co.id`,
    )
  ).map((r): DemoAccount => ({ companyId: r.company_id, companyName: r.name, ownerId: r.owner_id, contactIds: r.contact_ids }));
  if (!accounts.length) return { deals: 0 };
  const a = buildDemoDeals(rand, workspaceId, newBusiness, accounts, demoDealCount.newBusiness, adminId, now);
  const b = buildDemoDeals(rand, workspaceId, renewals, accounts, demoDealCount.renewals, adminId, now);
  await db.transaction(async (tx) => {
    await tx.insert(exchangeRates).values(demoRates(rand, workspaceId, now));
    for (const set of [a, b]) {
      await insertBatches(set.deals, (x) => tx.insert(deals).values(x));
      await insertBatches(set.contacts, (x) => tx.insert(dealContacts).values(x));
      await insertBatches(set.history, (x) => tx.insert(dealStageHistory).values(x));
    }
  });
  return { deals: a.deals.length + b.deals.length };
}
