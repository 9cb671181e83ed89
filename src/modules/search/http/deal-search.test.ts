import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';

let t: TestPlatform;
let ws: TestWorkspace;
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
  await ws.admin.api.post('/api/pipelines', { name: 'Sales' });
});
afterAll(() => t.close());

const search = async (q: string, who = ws.admin) => (await who.api.get(`/api/search?q=${encodeURIComponent(q)}`)).json().items;

describe('deals in global search', () => {
  it('finds deals by name prefix, substring and typo, with the stage as subtitle', async () => {
    const deal = (await ws.admin.api.post('/api/deals', { name: 'Zephyrine fleet renewal', amount: 100 })).json();
    expect(await search('zephyr')).toEqual([
      expect.objectContaining({ type: 'deal', id: deal.id, title: 'Zephyrine fleet renewal', subtitle: 'Qualification' }),
    ]);
    expect((await search('fleet renew'))[0]).toMatchObject({ type: 'deal', id: deal.id });
    expect((await search('zephyrene'))[0]).toMatchObject({ type: 'deal', id: deal.id });
  });

  it('leaves out deleted deals and deals a rep may not see', async () => {
    const rep = await ws.member('sales_rep');
    await ws.admin.api.patch('/api/workspace', { settings: { repVisibility: 'own' } });
    const theirs = (await ws.admin.api.post('/api/deals', { name: 'Quasarbeam expansion', ownerId: ws.admin.userId })).json();
    const mine = (await ws.admin.api.post('/api/deals', { name: 'Quasarbeam pilot', ownerId: rep.userId })).json();
    const gone = (await ws.admin.api.post('/api/deals', { name: 'Quasarbeam old' })).json();
    await ws.admin.api.delete(`/api/deals/${gone.id}`);
    expect((await search('quasarbeam', rep)).map((h: { id: string }) => h.id)).toEqual([mine.id]);
    expect((await search('quasarbeam')).map((h: { id: string }) => h.id).sort()).toEqual([theirs.id, mine.id].sort());
  });
});
