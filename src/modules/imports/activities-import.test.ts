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
});
afterAll(() => t.close());

describe('activity import', () => {
  it('logs notes, calls and meetings on contacts and companies, checks them like the API, and undoes', async () => {
    const people = await imp.run('Email,First Name,Company domain name\nkim@acme.example,Kim,acme.example\n');
    expect(people.import.counts.created).toBe(1);
    const csv = [
      'Type,Subject,Notes,Date,Email,Domain,Direction,Duration,Outcome,Start,End,Activity ID',
      'note,,Asked for pricing,2024-05-01T09:30:00Z,kim@acme.example,,,,,,,A1',
      'call,Intro call,,2024-05-02T10:00:00Z,kim@acme.example,,outbound,300,Left voicemail,,,A2',
      'meeting,Demo,,,,acme.example,,,,2024-05-03T10:00:00Z,2024-05-03T09:00:00Z,A3',
      'call,Who?,,2024-05-04T10:00:00Z,nobody@acme.example,,inbound,,,,,A4',
      'note,,Again,2024-05-05T10:00:00Z,kim@acme.example,,,,,,,A1',
      'fax,Old school,,2024-05-05T10:00:00Z,kim@acme.example,,,,,,,A5',
    ].join('\n');
    const r = await imp.run(csv, { entity: 'activities', mode: 'create', key: 'external_id' });
    expect(r.preview.mapping).toMatchObject({ Type: 'type', Notes: 'body', Email: 'contact_email', 'Activity ID': 'external_id' });
    expect(r.import.counts).toEqual({ created: 2, updated: 0, skipped: 1, failed: 3 });
    const report = (await ws.admin.api.get(`/api/imports/${r.id}/errors.csv`)).body;
    expect(report).toContain('must be after startsAt');
    expect(report).toContain('No contact has this email');
    expect(report).toContain('imported before');
    const [kim] = await rows<{ id: string; last_activity_at: Date }>(
      t.database.db,
      sql`select id, last_activity_at from contacts where workspace_id = ${ws.workspaceId} and email = 'kim@acme.example'`,
    );
    expect(new Date(kim!.last_activity_at).toISOString()).toBe('2024-05-02T10:00:00.000Z');
    const timeline = (await ws.admin.api.get(`/api/activities?entityType=contact&entityId=${kim!.id}`)).json();
    expect(timeline.items.map((a: { type: string; outcome?: string }) => [a.type, a.outcome ?? null])).toEqual([
      ['call', 'left_voicemail'],
      ['note', null],
    ]);
    await ws.admin.api.post(`/api/imports/${r.id}/undo`);
    const [u] = await rows<{ undo_job_id: string }>(t.database.db, sql`select undo_job_id from imports where id = ${r.id}`);
    await runJob(t, undoImportJob, u!.undo_job_id);
    const [after] = await rows<{ n: number; last: Date | null }>(
      t.database.db,
      sql`select (select count(*)::int from activities where workspace_id = ${ws.workspaceId}) as n, last_activity_at as last from contacts where id = ${kim!.id}`,
    );
    expect(after).toEqual({ n: 0, last: null });
  });
});
