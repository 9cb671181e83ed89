import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../apps/test-kit.ts';
import { rows } from '../../kernel/db/index.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';
import { runImportJob, undoImportJob } from './jobs/import-jobs.ts';
import { importer } from './testing/importer.ts';
import { runJob } from './testing/run-job.ts';
import { importTestEnv } from './testing/test-app.ts';

let t: TestPlatform;
let ws: TestWorkspace;

beforeAll(async () => {
  t = await createTestApp(importTestEnv());
  ws = await createTestWorkspace(t);
  imp = importer(t, ws);
});
afterAll(() => t.close());

let imp: ReturnType<typeof importer>;
const upload = (body: string | Buffer) => imp.upload(body);
const importFile = (csv: string, opts: Record<string, unknown> = {}) => imp.start(csv, opts);

const contactCount = async () =>
  (
    await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from contacts where workspace_id = ${ws.workspaceId} and deleted_at is null`,
    )
  )[0]!.n;

describe('contact import', () => {
  it('maps, validates, writes, reports errors and undoes', async () => {
    const csv = [
      'First Name,Last Name,Email,Lifecycle Stage,Contact owner,Tags,Company Name',
      `Ada,Lovelace,ada@analytical.example,Marketing Qualified Lead,${ws.admin.email},vip; early,Analytical Engines`,
      'Grace,Hopper,grace@navy.example,customer,,,',
      'Bad,Email,not-an-email,lead,,,',
      'Nobody,Owner,nobody@x.example,lead,stranger@nowhere.example,,',
      'Ada,L.,ADA@analytical.example,,,,',
    ].join('\n');
    const { id, jobId, preview } = await importFile(csv);
    expect(preview.mapping).toMatchObject({
      'First Name': 'first_name',
      Email: 'email',
      'Lifecycle Stage': 'lifecycle_stage',
      'Contact owner': 'owner_email',
    });
    expect(preview.rows[0].values).toMatchObject({ lifecycle_stage: 'marketing_qualified', tags: ['vip', 'early'] });
    await runJob(t, runImportJob, jobId);
    const got = (await ws.admin.api.get(`/api/imports/${id}`)).json().import;
    expect(got.status).toBe('completed');
    expect(got.counts).toEqual({ created: 2, updated: 1, skipped: 0, failed: 2 });
    const [ada] = await rows<{ last_name: string; company: string; stage: string; tags: string[] }>(
      t.database.db,
      sql`select c.last_name, co.name as company, c.lifecycle_stage as stage, c.tags from contacts c join companies co on co.id = c.company_id
          where c.workspace_id = ${ws.workspaceId} and c.email = 'ada@analytical.example'`,
    );
    expect(ada).toEqual({ last_name: 'L.', company: 'Analytical Engines', stage: 'marketing_qualified', tags: ['vip', 'early'] });
    const report = await ws.admin.api.get(`/api/imports/${id}/errors.csv`);
    expect(report.statusCode).toBe(200);
    expect(report.body).toContain('not-an-email');
    expect(report.body).toContain('stranger@nowhere.example');
    expect(await contactCount()).toBe(2);

    const undo = await ws.admin.api.post(`/api/imports/${id}/undo`);
    expect(undo.statusCode, undo.body).toBe(202);
    const [u] = await rows<{ undo_job_id: string }>(t.database.db, sql`select undo_job_id from imports where id = ${id}`);
    await runJob(t, undoImportJob, u!.undo_job_id);
    expect((await ws.admin.api.get(`/api/imports/${id}`)).json().import.status).toBe('undone');
    expect(await contactCount()).toBe(0);
    expect((await ws.admin.api.post(`/api/imports/${id}/undo`)).statusCode).toBe(409);
  });

  it('resumes after a crash mid-import without writing a row twice', async () => {
    const lines = ['email,first name'];
    for (let i = 0; i < 11; i++) lines.push(`crash${i}@resume.example,P${i}`);
    const before = await contactCount();
    const { id, jobId } = await importFile(lines.join('\n'), { mode: 'create' });
    await t.database.db.execute(sql`update jobs set payload = jsonb_set(payload, '{batchSize}', '3') where id = ${jobId}`);
    await expect(
      runJob(t, runImportJob, jobId, {
        onProgress: async (n) => {
          if (n === 2) throw new Error('worker died');
        },
      }),
    ).rejects.toThrow('worker died');
    const mid = (await ws.admin.api.get(`/api/imports/${id}`)).json().import;
    expect(mid).toMatchObject({ status: 'running', counts: { created: 6 } });
    await runJob(t, runImportJob, jobId, { attempt: 2 });
    const done = (await ws.admin.api.get(`/api/imports/${id}`)).json().import;
    expect(done).toMatchObject({
      status: 'completed',
      counts: { created: 11, updated: 0, skipped: 0, failed: 0 },
      progress: { processedRows: 11 },
    });
    expect((await contactCount()) - before).toBe(11);
  });

  it('reports duplicate keys in the file when asked, and checks every field type', async () => {
    await ws.admin.api.post('/api/custom-fields', { entityType: 'contact', key: 'score', label: 'Score', type: 'number' });
    await ws.admin.api.post('/api/custom-fields', {
      entityType: 'contact',
      key: 'tier',
      label: 'Tier',
      type: 'select',
      choices: [{ value: 'gold', label: 'Gold' }],
    });
    const csv = [
      'Email,First Name,Score,Tier,Lifecycle Stage,Do not contact,Phone,Company domain',
      'dup@x.example,One,10,gold,lead,no,+4930123456,x.example',
      'dup@x.example,Two,,,,,,',
      'bad1@x.example,Three,ten,,,,,',
      'bad2@x.example,Four,,platinum,,,,',
      'bad3@x.example,Five,,,royalty,,,',
      'bad4@x.example,Six,,,,maybe,,',
      'bad5@x.example,Seven,,,,,12,',
      'bad6@x.example,Eight,,,,,,not a domain',
    ].join('\n');
    const { id, jobId } = await importFile(csv, { duplicatesInFile: 'report' });
    await runJob(t, runImportJob, jobId);
    const got = (await ws.admin.api.get(`/api/imports/${id}`)).json().import;
    expect(got.counts).toEqual({ created: 1, updated: 0, skipped: 0, failed: 7 });
    const report = (await ws.admin.api.get(`/api/imports/${id}/errors.csv`)).body;
    for (const needle of ['Duplicate of row 2', 'Score (score)', 'Tier (tier)', 'lifecycle', 'must be yes or no', '"12"', 'not a domain'])
      expect(report).toContain(needle);
  });

  it('refuses empty and binary uploads with a code', async () => {
    expect((await upload('')).json().error.code).toBe('import_file_empty');
    expect((await upload(Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 1, 2]))).json().error.code).toBe('import_file_binary');
  });

  it('undo restores the fields, emails and stage of updated contacts', async () => {
    const made = await ws.admin.api.post('/api/contacts', {
      firstName: 'Olga',
      lastName: 'Before',
      emails: [{ email: 'olga@restore.example' }],
      lifecycleStage: 'lead',
      tags: ['old'],
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id;
    const csv =
      'Email,Last Name,Lifecycle Stage,Tags,Phone,Extra\nolga@restore.example,After,customer,new,+4930123456,\nrag@restore.example,Ragged,lead,,,,surplus\n';
    const { id: importId, jobId } = await importFile(csv);
    await runJob(t, runImportJob, jobId);
    const got = (await ws.admin.api.get(`/api/imports/${importId}`)).json().import;
    expect(got.counts).toEqual({ created: 0, updated: 1, skipped: 0, failed: 1 });
    const after = (await ws.admin.api.get(`/api/contacts/${id}`)).json();
    expect(after).toMatchObject({ lastName: 'After', lifecycleStage: 'customer', tags: ['old', 'new'], phone: '+4930123456' });
    await ws.admin.api.post(`/api/imports/${importId}/undo`);
    const [u] = await rows<{ undo_job_id: string }>(t.database.db, sql`select undo_job_id from imports where id = ${importId}`);
    await runJob(t, undoImportJob, u!.undo_job_id);
    const back = (await ws.admin.api.get(`/api/contacts/${id}`)).json();
    expect(back).toMatchObject({ lastName: 'Before', lifecycleStage: 'lead', tags: ['old'], phone: null, phones: [] });
    const history = (await ws.admin.api.get(`/api/contacts/${id}/lifecycle-history`)).json();
    expect(history.items.map((h: { toStage: string }) => h.toStage)).toEqual(expect.arrayContaining(['lead', 'customer']));
    expect(history.current).toBe('lead');
  });

  it('checks dates, booleans, URLs, emails, money and multi-selects like the API', async () => {
    const types = [
      ['born', 'date', {}],
      ['seen', 'datetime', {}],
      ['vip', 'boolean', {}],
      ['site', 'url', {}],
      ['alt', 'email', {}],
      ['budget', 'money', { currency: 'EUR' }],
      [
        'langs',
        'multi_select',
        {
          choices: [
            { value: 'de', label: 'German' },
            { value: 'en', label: 'English' },
          ],
        },
      ],
    ] as const;
    for (const [key, type, extra] of types) {
      const r = await ws.admin.api.post('/api/custom-fields', { entityType: 'contact', key, label: key, type, ...extra });
      expect(r.statusCode, r.body).toBe(201);
    }
    const csv = [
      'Email,born,seen,vip,site,alt,budget,langs',
      'ok@types.example,2020-02-29,2024-05-01T09:30:00Z,yes,https://ok.example,ALT@ok.example,1999,de; en',
      'b1@types.example,29.02.2020,,,,,,',
      'b2@types.example,,yesterday,,,,,',
      'b3@types.example,,,perhaps,,,,',
      'b4@types.example,,,,not a url,,,',
      'b5@types.example,,,,,nope,,',
      'b6@types.example,,,,,,19.99,',
      'b7@types.example,,,,,,,fr',
    ].join('\n');
    const { id, jobId } = await importFile(csv);
    await runJob(t, runImportJob, jobId);
    expect((await ws.admin.api.get(`/api/imports/${id}`)).json().import.counts).toEqual({ created: 1, updated: 0, skipped: 0, failed: 7 });
    const [ok] = await rows<{ custom: Record<string, unknown> }>(
      t.database.db,
      sql`select custom from contacts where workspace_id = ${ws.workspaceId} and email = 'ok@types.example'`,
    );
    expect(ok!.custom).toMatchObject({ born: '2020-02-29', vip: true, alt: 'alt@ok.example', budget: 1999, langs: ['de', 'en'] });
    const report = (await ws.admin.api.get(`/api/imports/${id}/errors.csv`)).body;
    for (const field of ['custom.born', 'custom.seen', 'custom.vip', 'custom.site', 'custom.alt', 'custom.budget', 'custom.langs'])
      expect(report).toContain(field);
  });

  it('cancels between batches, keeps what was written, and can undo it', async () => {
    const lines = ['email,first name'];
    for (let i = 0; i < 9; i++) lines.push(`cancel${i}@stop.example,C${i}`);
    const { id, jobId } = await importFile(lines.join('\n'));
    await t.database.db.execute(sql`update jobs set payload = jsonb_set(payload, '{batchSize}', '3') where id = ${jobId}`);
    const result = await runJob(t, runImportJob, jobId, {
      onProgress: async (n) => {
        if (n === 1) expect((await ws.admin.api.post(`/api/imports/${id}/cancel`)).statusCode).toBe(200);
      },
    });
    expect(result).toEqual({ stopped: 'cancelled' });
    const got = (await ws.admin.api.get(`/api/imports/${id}`)).json().import;
    expect(got).toMatchObject({ status: 'cancelled', counts: { created: 3 } });
    expect(got.undoableUntil).not.toBeNull();
    expect((await ws.admin.api.post(`/api/imports/${id}/cancel`)).json().error.code).toBe('import_not_cancellable');
    expect((await ws.admin.api.post(`/api/imports/${id}/undo`)).statusCode).toBe(202);
  });
});
