import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../apps/test-kit.ts';
import { type Executor, newId, rows } from '../../kernel/db/index.ts';
import { startWorker } from '../../kernel/jobs/index.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';

let t: TestPlatform;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
});
afterAll(() => t.close());

/** A contact as an old import left it: written straight to the tables, so the create rules never saw it. */
async function legacyContact(db: Executor, workspaceId: string, name: string, email: string, minutesAgo: number, listed: string | null) {
  const id = newId();
  await db.execute(sql`insert into contacts (id, workspace_id, first_name, display_name, email, created_at)
    values (${id}, ${workspaceId}, ${name}, ${name}, ${email}, now() - make_interval(mins => ${minutesAgo}))`);
  if (listed)
    await db.execute(
      sql`insert into contact_emails (workspace_id, contact_id, email, is_primary) values (${workspaceId}, ${id}, ${listed}, true)`,
    );
  return id;
}

describe('bulk merge of contacts sharing an email', () => {
  it('merges each group into its oldest contact as a job, reporting progress', async () => {
    const db = t.database.db;
    const w = ws.workspaceId;
    const oldest = await legacyContact(db, w, 'Dup One', 'Dup@Legacy.example', 30, 'Dup@Legacy.example');
    const second = await legacyContact(db, w, 'Dup Two', 'dup@legacy.example ', 20, 'dup@legacy.example');
    const third = await legacyContact(db, w, 'Dup Three', 'DUP@legacy.example', 10, null);
    const big = [];
    for (let i = 0; i < 12; i++)
      big.push(await legacyContact(db, w, `Big ${i}`, i % 2 ? 'BIG@legacy.example' : 'big@legacy.example', 100 - i, null));
    const loner = await legacyContact(db, w, 'Loner', 'loner@legacy.example', 5, 'loner@legacy.example');
    const other = await createTestWorkspace(t, 'Other');
    const theirs = await legacyContact(db, other.workspaceId, 'Dup Elsewhere', 'dup@legacy.example', 40, 'dup@legacy.example');

    const start = await ws.admin.api.post('/api/duplicates/contacts/merge-exact-emails');
    expect(start.statusCode, start.body).toBe(202);
    const { jobId } = start.json();
    const worker = startWorker({ database: t.database, concurrency: 1, leaseSeconds: 30, pollMs: 20 });
    try {
      await vi.waitFor(
        async () =>
          expect((await ws.admin.api.get(`/api/duplicates/contacts/merge-exact-emails/${jobId}`)).json().status).toBe('succeeded'),
        { timeout: 30_000, interval: 100 },
      );
    } finally {
      await worker.stop();
    }
    const job = (await ws.admin.api.get(`/api/duplicates/contacts/merge-exact-emails/${jobId}`)).json();
    expect(job.result).toEqual({ groups: 2, merged: 13, skipped: 0 });
    expect(job.progress).toEqual({ groups: 2, merged: 13, skipped: 0 });

    const survivor = (await ws.admin.api.get(`/api/contacts/${second}`)).json();
    expect(survivor).toMatchObject({
      id: oldest,
      mergedFrom: second,
      email: 'dup@legacy.example',
      emails: [{ email: 'dup@legacy.example', isPrimary: true }],
    });
    expect((await ws.admin.api.get(`/api/contacts/${third}`)).json().id).toBe(oldest);
    for (const id of big.slice(1)) expect((await ws.admin.api.get(`/api/contacts/${id}`)).json().id).toBe(big[0]);
    expect((await ws.admin.api.get(`/api/contacts/${loner}`)).json().id).toBe(loner);
    expect((await other.admin.api.get(`/api/contacts/${theirs}`)).json().id).toBe(theirs);
    const left = await rows(db, sql`select id from contacts where workspace_id = ${w}`);
    expect(left).toHaveLength(3);

    // Running it again finds nothing left to merge.
    const again = (await ws.admin.api.post('/api/duplicates/contacts/merge-exact-emails')).json().jobId;
    const worker2 = startWorker({ database: t.database, concurrency: 1, leaseSeconds: 30, pollMs: 20 });
    try {
      await vi.waitFor(
        async () =>
          expect((await ws.admin.api.get(`/api/duplicates/contacts/merge-exact-emails/${again}`)).json().result).toEqual({
            groups: 0,
            merged: 0,
            skipped: 0,
          }),
        { timeout: 30_000, interval: 100 },
      );
    } finally {
      await worker2.stop();
    }
  });

  it('shows only its own kind of job, and only in the caller’s workspace', async () => {
    const other = await createTestWorkspace(t, 'Other2');
    const { jobId } = (await ws.admin.api.post('/api/duplicates/contacts/merge-exact-emails')).json();
    expect((await other.admin.api.get(`/api/duplicates/contacts/merge-exact-emails/${jobId}`)).statusCode).toBe(404);
  });
});
