import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace } from '../../apps/test-kit.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the KPI board’s marketing inputs', () => {
  it('reads campaign spend and attributed revenue, so marketing ROI and cost per lead are real', async () => {
    const ws = await createTestWorkspace(t);
    const post = async (path: string, body: unknown) => {
      const res = await ws.admin.api.post(path, body);
      expect(res.statusCode, res.body).toBeLessThan(300);
      return res.json();
    };
    const campaign = await post('/api/campaigns', { name: 'Spring webinar', channel: 'events' });
    await post(`/api/campaigns/${campaign.id}/spend`, { spentOn: '2026-02-10', amount: 200_000, currency: 'USD' });
    const contact = await post('/api/contacts', { firstName: 'Wendy' });
    await t.database.db.execute(sql`update contacts set created_at = '2026-02-01T12:00:00Z' where id = ${contact.id}`);
    await post(`/api/campaigns/${campaign.id}/touchpoints`, { contactId: contact.id, occurredAt: '2026-02-11T12:00:00Z' });
    const pipeline = await post('/api/pipelines', {
      name: 'P',
      stages: [
        { name: 'Open', probability: 10 },
        { name: 'Won', type: 'won' },
      ],
    });
    const deal = await post('/api/deals', {
      name: 'Webinar deal',
      stageId: pipeline.stages[0].id,
      amount: 1_000_000,
      currency: 'USD',
      contacts: [{ contactId: contact.id }],
    });
    await t.database.db.execute(sql`update deals set status = 'won', stage_id = ${pipeline.stages[1].id}, closed_at = '2026-03-01T12:00:00Z'
      where id = ${deal.id}`);

    const board = (await ws.admin.api.get('/api/analytics/kpis?period=2026-Q1')).json();
    const k = (id: string) => board.kpis.find((x: { id: string }) => x.id === id);
    expect(k('marketing_roi').value).toBeCloseTo(4); // ($10,000 attributed − $2,000 spent) ÷ $2,000
    expect(k('cost_per_lead').value).toBe(200_000); // $2,000 ÷ one lead created in the quarter
    expect(k('email_engagement').reason).toBe('No email was delivered in this period.');
  });

  it('counts emails delivered and emails clicked per period (the broadcast report’s click rate), for every period of the board', async () => {
    const ws = await createTestWorkspace(t);
    const contact = async (name: string) => (await ws.admin.api.post('/api/contacts', { firstName: name })).json().id as string;
    const [a, b] = [await contact('Ann'), await contact('Ben')];
    const message = (contactId: string, sentAt: string, more: { bounced?: boolean; clicked?: boolean } = {}) =>
      t.database.db.execute(sql`insert into email_messages (id, workspace_id, contact_id, to_email, status, sent_at, bounced_at, clicked_at)
        values (gen_random_uuid(), ${ws.workspaceId}, ${contactId}, 'x@example.com', 'sent', ${sentAt},
          ${more.bounced ? sentAt : null}, ${more.clicked ? sentAt : null})`);
    await message(a, '2026-01-10T10:00:00Z', { bounced: true });
    await message(a, '2026-02-10T10:00:00Z', { clicked: true });
    await message(a, '2026-03-10T10:00:00Z', { clicked: true }); // Ann again: each email counts, as in a broadcast report
    await message(b, '2026-03-31T23:59:00Z');
    await message(b, '2026-04-01T00:00:00Z', { clicked: true });

    const board = (await ws.admin.api.get('/api/analytics/kpis?period=2026-Q2&compare=previous&trend=3')).json();
    const engagement = board.kpis.find((x: { id: string }) => x.id === 'email_engagement');
    expect(engagement.value).toBe(1); // Q2: Ben delivered and clicked
    expect(engagement.comparisonValue).toBeCloseTo(2 / 3); // Q1: three delivered (Ann's bounce is not), two clicked
    expect(engagement.trend).toEqual([
      { period: '2025-Q4', value: null },
      { period: '2026-Q1', value: 2 / 3 },
      { period: '2026-Q2', value: 1 },
    ]);
  });
});
