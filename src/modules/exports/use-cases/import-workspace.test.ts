import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import { rows } from '../../../kernel/db/index.ts';
import { startWorker } from '../../../kernel/jobs/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { seedActivitiesDemo } from '../../activities/index.ts';
import { seedCrmDemo } from '../../contacts/index.ts';
import { mapId, uuidPattern } from '../workspace/map-id.ts';
import { readWorkspaceZip } from '../workspace/read-workspace-zip.ts';
import { writeWorkspaceZip } from '../workspace/write-workspace-zip.ts';
import { importWorkspace } from './import-workspace.ts';

let t: TestPlatform;
let ws: TestWorkspace;
let dir: string;
let exported: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'tandem-ws-export-'));
  t = await createTestApp({ TANDEM_DATA_DIR: dir });
  ws = await createTestWorkspace(t, 'Northwind');
  await seedCrmDemo(t, ws.workspaceId, ws.admin.userId);
  await seedActivitiesDemo(t, ws.workspaceId, ws.admin.userId, { maxContacts: 60 });
  const rep = await ws.member('sales_rep');
  const team = await ws.admin.api.post('/api/teams', { name: 'EMEA', managerId: ws.admin.userId, memberIds: [rep.userId] });
  expect(team.statusCode).toBe(201);
  const view = await ws.admin.api.post('/api/views', {
    entityType: 'contact',
    name: 'Rep’s leads',
    shared: true,
    definition: {
      filter: {
        and: [
          { field: 'owner_id', op: 'eq', value: rep.userId },
          { field: 'lifecycle_stage', op: 'eq', value: 'lead' },
        ],
      },
    },
  });
  expect(view.statusCode).toBe(201);
  const odd = await ws.admin.api.post('/api/contacts', {
    firstName: '',
    lastName: 'Quote "Comma", and\nnewline',
    emails: [{ email: 'odd@example.org' }],
  });
  expect(odd.statusCode).toBe(201);

  // The export as an admin makes it: a job, then a download.
  const worker = startWorker({ database: t.database, concurrency: 1, leaseSeconds: 30, pollMs: 20 });
  try {
    const started = await ws.admin.api.post('/api/workspace-exports');
    expect(started.statusCode).toBe(202);
    await worker.idle();
    const done = (await ws.admin.api.get(`/api/workspace-exports/${started.json().id}`)).json();
    expect(done).toMatchObject({ status: 'completed', error: null });
    expect(done.processedRows).toBe(done.totalRows);
    const zip = await t.app.inject({ method: 'GET', url: done.downloadUrl, headers: { authorization: `Bearer ${ws.admin.apiKey}` } });
    expect(zip.statusCode).toBe(200);
    expect(zip.headers['content-type']).toBe('application/zip');
    exported = path.join(dir, 'first.zip');
    await writeFile(exported, zip.rawPayload);
  } finally {
    await worker.stop();
  }
}, 120_000);
afterAll(() => t.close());

/** Every file of an export as sorted rows, with uuids passed through `id`. */
async function contentOf(file: string, id: (u: string) => string) {
  const zip = await readWorkspaceZip(file);
  try {
    const out: Record<string, string[]> = {};
    for (const f of zip.manifest.files) {
      const list: string[] = [];
      for await (const r of zip.records(f.name)) list.push(JSON.stringify(r).replace(uuidPattern, id));
      out[f.name] = list.sort();
    }
    return { manifest: zip.manifest, out };
  } finally {
    zip.close();
  }
}

describe('workspace export and import', () => {
  it('writes a manifest with every file, its columns, counts and checksum', async () => {
    const zip = await readWorkspaceZip(exported);
    zip.close();
    const names = zip.manifest.files.map((f) => f.name);
    expect(names).toEqual(
      expect.arrayContaining([
        'companies.csv',
        'contacts.csv',
        'contact_emails.csv',
        'lifecycle_history.csv',
        'activities.csv',
        'tasks.csv',
        'custom_field_definitions.csv',
        'saved_views.csv',
        'teams.csv',
        'team_members.csv',
        'members.csv',
        'tags.csv',
      ]),
    );
    const contacts = zip.manifest.files.find((f) => f.name === 'contacts.csv')!;
    expect(contacts.rows).toBe(2201);
    expect(contacts.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(contacts.columns.map((c) => c.name)).not.toContain('workspace_id');
    const members = zip.manifest.files.find((f) => f.name === 'members.csv')!;
    expect(members.columns.map((c) => c.name)).toEqual(['user_id', 'email', 'name', 'role']);
    expect(JSON.stringify(zip.manifest)).not.toMatch(/password|token|key_hash/);
  });

  it('round-trips: import into a new workspace, export again, same content under new ids', async () => {
    const result = await importWorkspace(t.database.db, { file: exported, workspace: 'Northwind restored' });
    expect(result.createdWorkspace).toBe(true);
    expect(result.rows.contacts).toBe(2201);
    expect(result.usersCreated).toEqual([]);
    const again = path.join(dir, 'second.zip');
    await writeWorkspaceZip(t.database.db, result.workspaceId, createWriteStream(again));

    const users = new Set(
      (await rows<{ id: string }>(t.database.db, sql`select user_id as id from memberships where workspace_id = ${ws.workspaceId}`)).map(
        (u) => u.id,
      ),
    );
    const first = await contentOf(exported, (u) => (users.has(u) ? u : mapId(u, result.workspaceId)));
    const second = await contentOf(again, (u) => u);
    expect(Object.keys(second.out).sort()).toEqual(Object.keys(first.out).sort());
    for (const name of Object.keys(first.out)) expect({ name, rows: second.out[name] }).toEqual({ name, rows: first.out[name] });
    expect(second.manifest.workspace).toMatchObject({ name: 'Northwind restored', timezone: first.manifest.workspace.timezone });
  }, 120_000);

  it('keeps associations: a contact’s company, history and view work in the imported workspace', async () => {
    const [restored] = await rows<{ id: string }>(t.database.db, sql`select id from workspaces where name = 'Northwind restored'`);
    const pick = async (workspaceId: string) =>
      rows<{ email: string; domain: string | null; history: number; links: number }>(
        t.database.db,
        sql`select c.email, co.domain, (select count(*)::int from lifecycle_history h where h.workspace_id = c.workspace_id and h.contact_id = c.id) as history,
              (select count(*)::int from activity_links l where l.workspace_id = c.workspace_id and l.entity_id = c.id) as links
            from contacts c left join companies co on co.workspace_id = c.workspace_id and co.id = c.company_id
            where c.workspace_id = ${workspaceId} order by c.email limit 300`,
      );
    expect(await pick(restored!.id)).toEqual(await pick(ws.workspaceId));
    const [odd] = await rows<{ first_name: string; last_name: string }>(
      t.database.db,
      sql`select first_name, last_name from contacts where workspace_id = ${restored!.id} and email = 'odd@example.org'`,
    );
    expect(odd).toEqual({ first_name: '', last_name: 'Quote "Comma", and\nnewline' });
  });

  it('refuses a workspace that has records, and leaves it unchanged', async () => {
    const before = await rows(t.database.db, sql`select count(*)::int as n from contacts where workspace_id = ${ws.workspaceId}`);
    await expect(importWorkspace(t.database.db, { file: exported, workspace: ws.workspaceId })).rejects.toMatchObject({
      code: 'workspace_not_empty',
    });
    expect(await rows(t.database.db, sql`select count(*)::int as n from contacts where workspace_id = ${ws.workspaceId}`)).toEqual(before);
  });

  it('refuses a damaged file and writes nothing', async () => {
    const zip = await readWorkspaceZip(exported);
    const manifest = zip.manifest;
    zip.close();
    const bad = new yazl.ZipFile();
    bad.addBuffer(Buffer.from('id,name\r\n'), 'teams.csv');
    bad.addBuffer(
      Buffer.from(
        JSON.stringify({
          ...manifest,
          files: [{ name: 'teams.csv', table: 'teams', rows: 0, bytes: 9, sha256: '0'.repeat(64), columns: [] }],
        }),
      ),
      'manifest.json',
    );
    bad.end();
    const file = path.join(dir, 'bad.zip');
    const chunks: Buffer[] = [];
    for await (const chunk of bad.outputStream as AsyncIterable<Buffer>) chunks.push(chunk);
    await writeFile(file, Buffer.concat(chunks));
    await expect(importWorkspace(t.database.db, { file, workspace: 'Broken' })).rejects.toMatchObject({ code: 'workspace_file_invalid' });
    expect(await rows(t.database.db, sql`select id from workspaces where name = 'Broken'`)).toEqual([]);
    await writeFile(file, 'not a zip');
    await expect(importWorkspace(t.database.db, { file, workspace: 'Broken' })).rejects.toMatchObject({ code: 'workspace_file_invalid' });
    expect(await readFile(file, 'utf8')).toBe('not a zip');
  });

  it('lets only admins export the workspace', async () => {
    const manager = await ws.member('sales_manager');
    expect((await manager.api.post('/api/workspace-exports')).statusCode).toBe(403);
    expect((await manager.api.get('/api/workspace-exports')).statusCode).toBe(403);
    const list = (await ws.admin.api.get('/api/workspace-exports')).json();
    expect(list.items[0]).toMatchObject({ status: 'completed' });
    expect(list.items[0]).not.toHaveProperty('filePath');
  });
});
