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
});
