import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { normalizePhone } from '../../custom-fields/index.ts';
import { isFreeMailDomain } from '../free-mail-domains.ts';
import { buildCompanies } from './demo-companies.ts';
import { buildContacts } from './demo-contacts.ts';
import { createRandom } from './prng.ts';
import { seedCrmDemo } from './seed-crm-demo.ts';

let t: TestPlatform;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t, 'Demo');
  await seedCrmDemo(t, ws.workspaceId, ws.admin.userId);
}, 120_000);
afterAll(() => t.close());

const one = async <T>(q: ReturnType<typeof sql>) => (await rows<T>(t.database.db, q))[0]!;

describe('the CRM demo seeder', () => {
  it('creates at least 300 companies and 2,000 contacts, listed through the API', async () => {
    const contacts = (await ws.admin.api.get('/api/contacts?limit=5')).json();
    expect(contacts.total).toEqual({ value: 2200, exact: true });
    expect((await ws.admin.api.get('/api/companies?limit=5')).json().total.value).toBeGreaterThanOrEqual(300);
    const filtered = await ws.admin.api.post('/api/contacts/search', {
      filter: { predicate: 'company', where: { field: 'custom.account_tier', op: 'eq', value: 'strategic' } },
      limit: 1,
    });
    expect(filtered.json().total.value).toBeGreaterThan(0);
  });

  it('gives work emails at the company’s domain and leaves free-mail contacts without a company', async () => {
    const mismatched = await one<{ n: number }>(sql`select count(*)::int as n from contacts c join companies co on co.id = c.company_id
      where c.workspace_id = ${ws.workspaceId} and split_part(c.email, '@', 2) <> co.domain`);
    expect(mismatched.n).toBe(0);
    const free = await rows<{ email: string; company_id: string | null }>(
      t.database.db,
      sql`select email, company_id from contacts where workspace_id = ${ws.workspaceId} and company_id is null`,
    );
    expect(free.length).toBeGreaterThan(100);
    expect(free.every((c) => c.company_id === null && isFreeMailDomain(c.email.split('@')[1]!))).toBe(true);
  });

  it('spreads owners over the sales reps and writes lifecycle histories over two years', async () => {
    const owners = await rows<{ role: string; n: number }>(
      t.database.db,
      sql`select m.role, count(*)::int as n from contacts c join memberships m on m.user_id = c.owner_id and m.workspace_id = c.workspace_id
      where c.workspace_id = ${ws.workspaceId} group by m.role`,
    );
    expect(owners.find((o) => o.role === 'sales_rep')!.n).toBeGreaterThan(1000);
    const h = await one<{
      n: number;
      days: number;
      missing: number;
    }>(sql`select count(*)::int as n, extract(day from max(changed_at) - min(changed_at))::int as days,
      (select count(*)::int from contacts c where c.workspace_id = ${ws.workspaceId} and not exists (select 1 from lifecycle_history l where l.workspace_id = c.workspace_id and l.contact_id = c.id)) as missing
      from lifecycle_history where workspace_id = ${ws.workspaceId}`);
    expect(h.n).toBeGreaterThan(4000);
    expect(h.days).toBeGreaterThan(600);
    expect(h.missing).toBe(0);
    const last = await one<{ n: number }>(sql`select count(*)::int as n from contacts c where c.workspace_id = ${ws.workspaceId}
      and c.lifecycle_stage is distinct from (select to_stage from lifecycle_history l where l.workspace_id = c.workspace_id and l.contact_id = c.id order by changed_at desc limit 1)`);
    expect(last.n).toBe(0);
    // Some customers left again, so retention and lifetime value have figures on the KPI board.
    const churned = await one<{ n: number; customers: number }>(sql`select
        (select count(*)::int from lifecycle_history where workspace_id = ${ws.workspaceId} and from_stage = 'customer' and to_stage = 'other') as n,
        (select count(*)::int from contacts where workspace_id = ${ws.workspaceId} and lifecycle_stage = 'customer') as customers`);
    expect(churned.n).toBeGreaterThan(15);
    expect(churned.n).toBeLessThan(churned.customers);
    const future = await one<{
      n: number;
    }>(sql`select (select count(*)::int from contacts where workspace_id = ${ws.workspaceId} and created_at > now())
      + (select count(*)::int from lifecycle_history where workspace_id = ${ws.workspaceId} and changed_at > now()) as n`);
    expect(future.n).toBe(0);
  });

  it('stores valid E.164 phones and unique emails', async () => {
    const phones = await rows<{ phone: string }>(
      t.database.db,
      sql`select distinct phone from contact_phones where workspace_id = ${ws.workspaceId} limit 200`,
    );
    expect(phones.filter((p) => normalizePhone(p.phone) !== p.phone)).toEqual([]);
    const emails = await one<{ n: number; d: number }>(
      sql`select count(*)::int as n, count(distinct email)::int as d from contacts where workspace_id = ${ws.workspaceId}`,
    );
    expect(emails.d).toBe(emails.n);
  });

  it('generates the same records from the same seed', () => {
    const gen = () => {
      const r = createRandom(7);
      const cos = buildCompanies(r, 'w', ['o1', 'o2'], 50, 1_700_000_000_000);
      return [
        cos.map((c) => c.domain),
        buildContacts(r, 'w', cos, ['o1', 'o2'], 100, 1_700_000_000_000).map((c) => [c.email, c.row.lifecycleStage]),
      ];
    };
    expect(gen()).toEqual(gen());
  });
});
