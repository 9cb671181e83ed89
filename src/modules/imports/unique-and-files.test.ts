import { existsSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../apps/test-kit.ts';
import { rows } from '../../kernel/db/index.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';
import { removeStaleImportFiles, runImportJob } from './index.ts';
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
  const made = await ws.admin.api.post('/api/custom-fields', {
    entityType: 'contact',
    key: 'member_no',
    label: 'Member no',
    type: 'text',
    unique: true,
  });
  expect(made.statusCode, made.body).toBe(201);
});
afterAll(() => t.close());

const fileOf = async (fileId: string) =>
  (
    await rows<{ stored_as: string; removed: boolean }>(
      t.database.db,
      sql`select stored_as, removed_at is not null as removed from import_files where id = ${fileId}`,
    )
  )[0]!;
const holders = (value: string) =>
  rows<{ email: string }>(
    t.database.db,
    sql`select email from contacts where workspace_id = ${ws.workspaceId} and deleted_at is null and custom->>'member_no' = ${value} order by email`,
  );

describe('unique custom fields in imports', () => {
  it('keeps a unique value to one record within a batch, against existing records, and lets a record keep its own', async () => {
    await ws.admin.api.post('/api/contacts', { firstName: 'Old', emails: [{ email: 'old@u.example' }], custom: { member_no: 'M-1' } });
    const r = await imp.run(
      [
        'Email,First Name,member_no',
        'a@u.example,A,M-2',
        'b@u.example,B,M-2',
        'c@u.example,C,M-1',
        'old@u.example,Old again,M-1',
        'a@u.example,A2,M-2',
      ].join('\n'),
    );
    // a and its merged repeat share M-2 (one record); b repeats it for another record; c takes old's M-1; old keeps its own.
    expect(r.import.counts).toEqual({ created: 1, updated: 2, skipped: 0, failed: 2 });
    const report = (await ws.admin.api.get(`/api/imports/${r.id}/errors.csv`)).body;
    expect(report).toMatch(/^3,member_no,custom\.member_no,M-2,Row 2 already has Member no/m);
    expect(report).toMatch(/^4,member_no,custom\.member_no,M-1,Another contact \(.+\) already has Member no/m);
    expect(await holders('M-2')).toEqual([{ email: 'a@u.example' }]);
    expect(await holders('M-1')).toEqual([{ email: 'old@u.example' }]);
  });

  it('two imports running at once cannot both give a unique value to different records', async () => {
    const one = await imp.start('Email,member_no\nx1@u.example,M-9\n');
    const two = await imp.start('Email,member_no\nx2@u.example,M-9\n');
    await Promise.all([runJob(t, runImportJob, one.jobId), runJob(t, runImportJob, two.jobId)]);
    expect(await holders('M-9')).toHaveLength(1);
    const failed = await rows<{ n: number }>(
      t.database.db,
      sql`select sum(failed)::int as n from imports where id in (${one.id}, ${two.id})`,
    );
    expect(failed[0]!.n).toBe(1);
  });
});

describe('uploaded files', () => {
  it('are deleted when the import ends or is cancelled; a later preview asks for a new upload', async () => {
    const done = await imp.run('Email\nf1@u.example\n');
    const f = await fileOf(done.file.id);
    expect(f.removed).toBe(true);
    expect(existsSync(f.stored_as)).toBe(false);
    const again = await ws.admin.api.post(`/api/import-files/${done.file.id}/preview`, { entity: 'contacts' });
    expect(again.statusCode).toBe(410);
    expect(again.json().error).toMatchObject({ code: 'import_file_removed', details: { path: ['body', 'fileId'] } });

    const queued = await imp.start('Email\nf2@u.example\n');
    expect(existsSync((await fileOf(queued.file.id)).stored_as)).toBe(true);
    expect((await ws.admin.api.post(`/api/imports/${queued.id}/cancel`)).statusCode).toBe(200);
    expect((await fileOf(queued.file.id)).removed).toBe(true);
  });

  it('the sweep removes day-old unused uploads and never a file a queued import reads', async () => {
    const unused = (await imp.upload('Email\ns1@u.example\n')).json().file;
    const waiting = await imp.start('Email\ns2@u.example\n');
    await t.database.db.execute(
      sql`update import_files set created_at = now() - interval '25 hours' where id in (${unused.id}, ${waiting.file.id})`,
    );
    const fresh = (await imp.upload('Email\ns3@u.example\n')).json().file;
    await removeStaleImportFiles(t.database.db);
    expect((await fileOf(unused.id)).removed).toBe(true);
    expect(existsSync((await fileOf(unused.id)).stored_as)).toBe(false);
    expect((await fileOf(waiting.file.id)).removed).toBe(false);
    expect((await fileOf(fresh.id)).removed).toBe(false);
    await runJob(t, runImportJob, waiting.jobId);
    expect((await fileOf(waiting.file.id)).removed).toBe(true);
  });
});
