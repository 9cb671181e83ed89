import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace, type TestWorkspace } from '../../../apps/test-kit.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';

let t: TestPlatform;
let ws: TestWorkspace;
let pipeline: { id: string; stages: { id: string; name: string }[] };
beforeAll(async () => {
  t = await createTestApp();
  ws = await createTestWorkspace(t);
  pipeline = (
    await ws.admin.api.post('/api/pipelines', {
      name: 'Board',
      rottingDays: 10,
      stages: [
        { name: 'Lead', probability: 10 },
        { name: 'Proposal', probability: 40, rottingDays: 3 },
        { name: 'Won', type: 'won' },
        { name: 'Lost', type: 'lost' },
      ],
    })
  ).json();
});
afterAll(() => t.close());

const stage = (name: string) => pipeline.stages.find((s) => s.name === name)!.id;
const board = async (query = '') => (await ws.admin.api.get(`/api/pipelines/${pipeline.id}/board${query}`)).json();
const column = (b: { columns: { stage: { name: string } }[] }, name: string) =>
  b.columns.find((c) => c.stage.name === name) as unknown as {
    count: number;
    amount: number;
    weightedAmount: number;
    unconverted: { currency: string; count: number; amount: number }[];
    cards: { id: string; name: string; rotting: boolean }[];
    nextCursor: string | null;
  };
const deal = (body: Record<string, unknown>) => ws.admin.api.post('/api/deals', { stageId: stage('Lead'), ...body }).then((r) => r.json());

describe('the board', () => {
  it('sums each column in the reporting currency with dated rates and weights it by the stage probability', async () => {
    const today = new Date().toISOString().slice(0, 10);
    await ws.admin.api.post('/api/exchange-rates', { currency: 'EUR', rate: 1.5, validFrom: '2020-01-01' });
    await ws.admin.api.post('/api/exchange-rates', { currency: 'EUR', rate: 1.1, validFrom: today });
    await ws.admin.api.post('/api/exchange-rates', { currency: 'JPY', quote: 'EUR', rate: 0.0062, validFrom: '2020-01-01' });
    await deal({ name: 'Dollars', amount: 100_000 }); // $1,000.00
    await deal({ name: 'Euros', amount: 50_000, currency: 'EUR' }); // €500.00 → $550.00 today
    await deal({ name: 'Yen', amount: 90_000, currency: 'JPY' }); // no JPY→USD rate: counted, not summed
    await deal({ name: 'Empty' }); // no amount: counted, adds 0
    const b = await board();
    expect(b.reportingCurrency).toBe('USD');
    expect(column(b, 'Lead')).toMatchObject({
      count: 4,
      amount: 155_000,
      weightedAmount: 15_500,
      unconverted: [{ currency: 'JPY', count: 1, amount: 90_000 }],
    });
    expect(b.open).toMatchObject({ count: 4, amount: 155_000, weightedAmount: 15_500 });
  });

  it('converts won deals at the rate of their close day and leaves closed columns out of the open sums', async () => {
    const won = await deal({ name: 'Old win', amount: 20_000, currency: 'EUR' });
    await ws.admin.api.post(`/api/deals/${won.id}/move`, { stageId: stage('Won') });
    await t.database.db.execute(sql`update deals set closed_at = '2021-06-01T12:00:00Z' where id = ${won.id}`);
    const b = await board();
    expect(column(b, 'Won')).toMatchObject({ count: 1, amount: 30_000, weightedAmount: 30_000 });
    expect(b.open.count).toBe(4);
  });

  it('moving a deal changes both columns’ totals', async () => {
    const before = await board();
    const d = await deal({ name: 'Mover', amount: 10_000 });
    await ws.admin.api.post(`/api/deals/${d.id}/move`, { stageId: stage('Proposal') });
    const after = await board();
    expect(column(after, 'Lead').amount).toBe(column(before, 'Lead').amount);
    expect(column(after, 'Proposal')).toMatchObject({
      count: column(before, 'Proposal').count + 1,
      amount: column(before, 'Proposal').amount + 10_000,
      weightedAmount: column(before, 'Proposal').weightedAmount + 4_000,
    });
    expect(after.open.weightedAmount).toBe(before.open.weightedAmount + 4_000);
  });

  it('filters the whole board (totals and cards) with the filter language', async () => {
    const b = await board(`?filter=${encodeURIComponent(JSON.stringify({ field: 'currency', op: 'eq', value: 'EUR' }))}`);
    expect(column(b, 'Lead')).toMatchObject({ count: 1, amount: 55_000 });
    expect(column(b, 'Lead').cards.map((c) => c.name)).toEqual(['Euros']);
  });

  it('pages each column by keyset', async () => {
    const b = await board('?limit=2&sort=name');
    const lead = column(b, 'Lead');
    expect(lead.cards.map((c) => c.name)).toEqual(['Dollars', 'Empty']);
    const more = (
      await ws.admin.api.get(`/api/pipelines/${pipeline.id}/board/columns/${stage('Lead')}?limit=2&sort=name&cursor=${lead.nextCursor}`)
    ).json();
    expect(more.cards.map((c: { name: string }) => c.name)).toEqual(['Euros', 'Yen']);
    expect(more.nextCursor).toBeNull();
  });

  it('marks open deals rotting after the stage’s (or the pipeline’s) days without progress or activity', async () => {
    const stale = await deal({ name: 'Stale' });
    const fresh = await deal({ name: 'Stale but called' });
    await t.database.db.execute(sql`update deals set stage_entered_at = now() - interval '11 days' where id in (${stale.id}, ${fresh.id})`);
    const note = await ws.admin.api.post('/api/activities', {
      type: 'note',
      body: 'Checked in',
      links: [{ entityType: 'deal', entityId: fresh.id }],
    });
    expect(note.statusCode).toBe(201);
    const cards = column(await board('?limit=100'), 'Lead').cards;
    expect(cards.find((c) => c.id === stale.id)!.rotting).toBe(true);
    expect(cards.find((c) => c.id === fresh.id)!.rotting).toBe(false);
    expect((await ws.admin.api.get(`/api/deals/${stale.id}`)).json().rotting).toBe(true);
  });

  it('keeps the trigger-maintained totals equal to a scan of the deals through edits, moves and deletes', async () => {
    const totals = (b: { columns: { stage: { name: string }; count: number; amount: number; unconverted: unknown[] }[] }) =>
      b.columns.map((c) => [c.stage.name, c.count, c.amount, c.unconverted]);
    const scan = `?filter=${encodeURIComponent(JSON.stringify({ and: [] }))}`;
    const d = await deal({ name: 'Churn', amount: 7_000, currency: 'GBP' });
    await ws.admin.api.patch(`/api/deals/${d.id}`, { amount: 9_000, currency: 'EUR' });
    await ws.admin.api.post(`/api/deals/${d.id}/move`, { stageId: stage('Lost'), lossReason: 'Budget' });
    await ws.admin.api.post(`/api/deals/${d.id}/move`, { stageId: stage('Proposal') });
    const gone = await deal({ name: 'Gone', amount: 1_000 });
    await ws.admin.api.delete(`/api/deals/${gone.id}`);
    expect(totals(await board())).toEqual(totals(await board(scan)));
    expect(column(await board(), 'Proposal').count).toBeGreaterThan(0);
  });

  it('answers 404 for another pipeline’s stage and 400 for a bad filter', async () => {
    const other = (await ws.admin.api.post('/api/pipelines', { name: 'Other' })).json();
    const res = await ws.admin.api.get(`/api/pipelines/${pipeline.id}/board/columns/${other.stages[0].id}`);
    expect(res.statusCode).toBe(404);
    const bad = await ws.admin.api.get(
      `/api/pipelines/${pipeline.id}/board?filter=${encodeURIComponent('{"field":"amount","op":"gte","value":"x"}')}`,
    );
    expect(bad.statusCode).toBe(400);
  });
});
