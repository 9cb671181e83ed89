import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../apps/test-kit.ts';
import { rows } from '../../kernel/db/index.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';
import { importer } from './testing/importer.ts';
import { importTestEnv } from './testing/test-app.ts';

const shared = path.resolve(import.meta.dirname, '../../../../shared/data');
let t: TestPlatform;
let ws: TestWorkspace;
let imp: ReturnType<typeof importer>;

beforeAll(async () => {
  t = await createTestApp(importTestEnv());
  ws = await createTestWorkspace(t);
  imp = importer(t, ws);
});
afterAll(() => t.close());

describe('company import', () => {
  it('imports the 85 accounts of the shared sales dataset', async () => {
    const csv = readFileSync(path.join(shared, 'sales-opportunities/accounts.csv'));
    const mapping = {
      account: 'name',
      sector: 'industry',
      year_established: null,
      revenue: 'annual_revenue',
      employees: 'employee_count',
      office_location: 'region',
      subsidiary_of: null,
    };
    const r = await imp.run(csv, { entity: 'companies', mode: 'create', key: 'domain', mapping });
    expect(r.import).toMatchObject({ status: 'completed', counts: { created: 85, updated: 0, skipped: 0, failed: 0 } });
    const [acme] = await rows<{ industry: string; employee_count: number; annual_revenue: string; annual_revenue_currency: string }>(
      t.database.db,
      sql`select industry, employee_count, annual_revenue, annual_revenue_currency from companies where workspace_id = ${ws.workspaceId} and name = 'Acme Corporation'`,
    );
    expect(acme).toMatchObject({ industry: 'technolgy', employee_count: 2822, annual_revenue_currency: 'USD' });
    expect(Number(acme!.annual_revenue)).toBe(110004);
  });

  it('maps a Salesforce Data Loader export with the preset and upserts by domain', async () => {
    const csv = readFileSync(path.join(shared, 'csv/salesforce-dataloader/dateWithTimeZone.csv'));
    const first = await imp.run(csv, { entity: 'companies', key: 'domain', preset: 'salesforce' });
    expect(first.preview.mapping).toMatchObject({ NAME: 'name', WEBSITE: 'domain', ANNUALREVENUE: 'annual_revenue' });
    expect(first.import.counts).toEqual({ created: 2, updated: 0, skipped: 0, failed: 0 });
    const again = await imp.run(csv, { entity: 'companies', key: 'domain', preset: 'salesforce' });
    expect(again.import.counts).toEqual({ created: 0, updated: 2, skipped: 0, failed: 0 });
    const domains = await rows<{ domain: string }>(
      t.database.db,
      sql`select domain from companies where workspace_id = ${ws.workspaceId} and domain like 'accountinsert%' order by domain`,
    );
    expect(domains.map((d) => d.domain)).toEqual(['accountinsert0.com', 'accountinsert1.com']);
  });

  it('keys on external ids and reports a bad domain', async () => {
    const csv = readFileSync(path.join(shared, 'csv/salesforce-dataloader/emptyFirstRowFieldValueInCsvTemplate.csv'));
    const r = await imp.run(csv, { entity: 'companies', key: 'external_id', preset: 'salesforce' });
    expect(r.preview.mapping).toMatchObject({ ID: 'external_id', NAME: 'name', WEBSITE: 'domain' });
    expect(r.import.counts).toEqual({ created: 1, updated: 0, skipped: 0, failed: 1 });
    const report = (await ws.admin.api.get(`/api/imports/${r.id}/errors.csv`)).body;
    expect(report).toContain('3,WEBSITE,domain,updated');
    const again = await imp.run('ID,Industry\n001x00000035m0iAAA,Tools\n', { entity: 'companies', key: 'external_id', mode: 'update' });
    expect(again.import.counts).toEqual({ created: 0, updated: 1, skipped: 0, failed: 0 });
  });
});
