import { existsSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { workspaceExports } from '../schema.ts';
import { purgeExpiredExports } from './purge-expired-exports-job.ts';

let t: TestPlatform;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
});
afterAll(() => t.close());

describe('purging expired workspace exports', () => {
  it('deletes expired files and rows, keeps the rest, and is safe to run twice', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'tandem-purge-'));
    const old = path.join(dir, 'old.zip');
    const fresh = path.join(dir, 'fresh.zip');
    await writeFile(old, 'PK');
    await writeFile(fresh, 'PK');
    const day = 86_400_000;
    const [a, b] = await t.database.db
      .insert(workspaceExports)
      .values([
        { workspaceId: ws.workspaceId, status: 'completed', filePath: old, expiresAt: new Date(Date.now() - day) },
        { workspaceId: ws.workspaceId, status: 'completed', filePath: fresh, expiresAt: new Date(Date.now() + day) },
      ])
      .returning();
    expect((await purgeExpiredExports(t.database.db)).purged).toBeGreaterThanOrEqual(1);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(await t.database.db.select().from(workspaceExports).where(eq(workspaceExports.id, a!.id))).toEqual([]);
    expect(await t.database.db.select().from(workspaceExports).where(eq(workspaceExports.id, b!.id))).toHaveLength(1);
    expect((await purgeExpiredExports(t.database.db)).purged).toBe(0);
  });
});
