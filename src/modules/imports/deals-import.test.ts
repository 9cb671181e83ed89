import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../apps/test-kit.ts';
import { rows } from '../../kernel/db/index.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';
import { undoImportJob } from './jobs/import-jobs.ts';
import { importer } from './testing/importer.ts';
import { runJob } from './testing/run-job.ts';
import { importTestEnv } from './testing/test-app.ts';

let t: TestPlatform;
let ws: TestWorkspace;
let imp: ReturnType<typeof importer>;

beforeAll(async () => {
  t = await createTestApp(importTestEnv());
  ws = await createTestWorkspace(t);
  imp = importer(t, ws);
  await ws.admin.api.post('/api/pipelines', { name: 'New business' });
  await ws.admin.api.post('/api/pipelines', {
    name: 'Renewals',
    stages: [
      { name: 'Open', probability: 50 },
      { name: 'Renewed', type: 'won' },
      { name: 'Churned', type: 'lost' },
    ],
  });
  await imp.run('Email,First Name,Company domain name\nkim@acme.example,Kim,acme.example\nlee@acme.example,Lee,acme.example\n');
});
afterAll(() => t.close());

const deals = () =>
  rows<{
    name: string;
    amount: number | null;
    currency: string;
    close_date: string | null;
    stage: string;
    status: string;
    company: string | null;
    contacts: number;
    tags: string[];
    deleted: boolean;
  }>(
    t.database.db,
    sql`select d.name, d.amount::int as amount, d.currency, to_char(d.close_date, 'YYYY-MM-DD') as close_date, s.name as stage, d.status,
          co.domain as company, (select count(*)::int from deal_contacts dc where dc.deal_id = d.id) as contacts, d.tags, d.deleted_at is not null as deleted
        from deals d join pipeline_stages s on s.id = d.stage_id left join companies co on co.id = d.company_id
        where d.workspace_id = ${ws.workspaceId} order by d.name`,
  );

describe('deal import', () => {
  it('creates deals in pipelines and stages by name with the sales rules, links companies and contacts, updates by external id and undoes', async () => {
    const csv = [
      'Deal ID,Deal Name,Amount,Currency,Pipeline,Deal Stage,Close Date,Company domain name,Contacts,Tags,Closed Lost Reason',
      'D1,Acme rollout,"12,500.50",EUR,New business,Discovery,2025-03-31,acme.example,kim@acme.example; lee@acme.example,big;q1,',
      'D2,Acme pilot,900,,,Qualification,,acme.example,,,',
      'D3,Won already,5000,USD,New business,Won,2024-12-01,,kim@acme.example,,',
      'D4,Lost one,100,USD,Renewals,Churned,,,,,Too expensive',
      'D5,Needs amount,,,New business,Proposal,2025-01-01,,,,',
      'D6,Bad currency,100,XYZ,,,,,,,',
      'D7,Bad stage,100,,New business,Nowhere,,,,,',
      'D8,Stranger,100,,,,,,nobody@else.example,,',
      'D9,Lost without reason,100,,New business,Lost,,,,,',
      'D10,Bad date,100,,,,31/12/2025,,,,',
    ].join('\n');
    const r = await imp.run(csv, { entity: 'deals', mode: 'upsert', key: 'external_id' });
    expect(r.preview.mapping).toMatchObject({
      'Deal Name': 'name',
      'Deal Stage': 'stage',
      'Close Date': 'close_date',
      'Deal ID': 'external_id',
    });
    expect(r.import.counts).toEqual({ created: 4, updated: 0, skipped: 0, failed: 6 });
    const report = (await ws.admin.api.get(`/api/imports/${r.id}/errors.csv`)).body;
    expect(report).toContain('needs amount');
    expect(report).toContain('not an ISO 4217 currency code');
    expect(report).toContain('No stage is named ""Nowhere"" in pipeline ""New business""');
    expect(report).toContain('No contact has the email nobody@else.example');
    expect(report).toContain('loss_reason');
    expect(report).toContain('YYYY-MM-DD');
    const list = await deals();
    expect(list).toEqual([
      expect.objectContaining({ name: 'Acme pilot', amount: 90000, stage: 'Qualification', company: 'acme.example' }),
      expect.objectContaining({
        name: 'Acme rollout',
        amount: 1250050,
        currency: 'EUR',
        close_date: '2025-03-31',
        stage: 'Discovery',
        contacts: 2,
        tags: ['big', 'q1'],
      }),
      expect.objectContaining({ name: 'Lost one', stage: 'Churned', status: 'lost' }),
      expect.objectContaining({ name: 'Won already', stage: 'Won', status: 'won', contacts: 1 }),
    ]);

    // A second file updates by external id: tags and contacts add up, a stage move runs the sales rules.
    const again = await imp.run('Deal ID,Amount,Deal Stage,Tags,Close Date\nD1,20000,Negotiation,renewal,\nD2,,Proposal,,\nD11,1,,,\n', {
      entity: 'deals',
      mode: 'update',
      key: 'external_id',
    });
    expect(again.import.counts).toEqual({ created: 0, updated: 1, skipped: 1, failed: 1 });
    const after = await deals();
    expect(after.find((d) => d.name === 'Acme rollout')).toMatchObject({
      amount: 2000000,
      stage: 'Negotiation',
      tags: ['big', 'q1', 'renewal'],
    });

    expect((await ws.admin.api.post(`/api/imports/${again.id}/undo`)).statusCode).toBe(202);
    await runJob(
      t,
      undoImportJob,
      (await rows<{ undo_job_id: string }>(t.database.db, sql`select undo_job_id from imports where id = ${again.id}`))[0]!.undo_job_id,
    );
    expect((await deals()).find((d) => d.name === 'Acme rollout')).toMatchObject({
      amount: 1250050,
      stage: 'Discovery',
      tags: ['big', 'q1'],
      contacts: 2,
    });

    expect((await ws.admin.api.post(`/api/imports/${r.id}/undo`)).statusCode).toBe(202);
    await runJob(
      t,
      undoImportJob,
      (await rows<{ undo_job_id: string }>(t.database.db, sql`select undo_job_id from imports where id = ${r.id}`))[0]!.undo_job_id,
    );
    expect((await deals()).every((d) => d.deleted)).toBe(true);
  });

  it('maps HubSpot and Salesforce deal exports', async () => {
    for (const [preset, header, expected] of [
      [
        'hubspot',
        'Record ID,Deal Name,Deal Stage,Amount,Close Date,Deal owner,Pipeline',
        { 'Record ID': 'external_id', 'Deal Stage': 'stage', 'Deal owner': 'owner_email', Pipeline: 'pipeline' },
      ],
      [
        'salesforce',
        'Opportunity ID,Opportunity Name,Stage,Amount,Close Date,Account Name,Lead Source',
        {
          'Opportunity ID': 'external_id',
          'Opportunity Name': 'name',
          Stage: 'stage',
          'Account Name': 'company_name',
          'Lead Source': 'source',
        },
      ],
    ] as const) {
      const file = (await imp.upload(`${header}\n1,X,Won,1,2025-01-01,a,b\n`, 'deals.csv')).json().file;
      const res = await ws.admin.api.post(`/api/import-files/${file.id}/preview`, { entity: 'deals', preset });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().mapping).toMatchObject(expected);
    }
  });

  it('refuses keys deals do not have, naming the field', async () => {
    const up = await imp.upload('Deal Name\nX\n', 'deals.csv');
    const file = up.json().file;
    const bad = await ws.admin.api.post('/api/imports', {
      fileId: file.id,
      entity: 'deals',
      mode: 'create',
      key: 'email',
      mapping: { 'Deal Name': 'name' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.path).toEqual(['body', 'key']);
  });
});
