import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace } from '../../apps/test-kit.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';
import { membersWithEmail } from './index.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('broadcast audiences from segments and lists', () => {
  it('estimates a list audience, skipping members without an email even across whole pages of them', async () => {
    const ws = await createTestWorkspace(t);
    const post = async (path: string, body: unknown) => {
      const res = await ws.admin.api.post(path, body);
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    const ids: string[] = [];
    for (const name of ['Anna', 'Ben', 'Cleo']) ids.push((await post('/api/contacts', { firstName: name })).id);
    const withEmail = (await post('/api/contacts', { firstName: 'Dora', emails: [{ email: 'dora@audience.example' }] })).id;
    const list = await post('/api/lists', { name: 'Webinar guests' });
    await post(`/api/lists/${list.id}/members`, { contactIds: [...ids, withEmail] });

    const estimate = await post('/api/email/broadcasts/estimate', { audience: { kind: 'list', listId: list.id } });
    expect(estimate).toMatchObject({ audience: 1, recipients: 1 });
    // Pages of one: the three without an email come first in id order (created first), and must not end the read.
    const first = await membersWithEmail(t.database.db, ws.workspaceId, { listId: list.id }, '00000000-0000-0000-0000-000000000000', 1);
    expect(first).toEqual([{ id: withEmail, email: 'dora@audience.example' }]);
    expect(await membersWithEmail(t.database.db, ws.workspaceId, { listId: list.id }, withEmail, 1)).toEqual([]);
  });
});
