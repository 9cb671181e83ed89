import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace } from '../../apps/test-kit.ts';
import { rows } from '../../kernel/db/index.ts';
import type { TestPlatform } from '../../kernel/testing/index.ts';
import { seedCaptureDemo } from './demo.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('the capture demo', () => {
  it('adds three published forms, a webinar page with its form, and submissions from existing contacts', async () => {
    const ws = await createTestWorkspace(t);
    for (const name of ['Ana', 'Ben', 'Cem', 'Dee', 'Eli', 'Fay'])
      await ws.admin.api.post('/api/contacts', { firstName: name, emails: [{ email: `${name.toLowerCase()}@demo.example` }] });
    await seedCaptureDemo(t, ws.workspaceId, ws.admin.userId, 6);
    const forms = (await ws.admin.api.get('/api/forms')).json().items;
    expect(forms.map((f: { name: string }) => f.name).sort()).toEqual([
      'Newsletter signup',
      'Request a demo',
      'Webinar registration: Pipeline reviews that work',
    ]);
    expect(forms.reduce((n: number, f: { submissionCount: number }) => n + f.submissionCount, 0)).toBe(6);
    const outcomes = await rows<{ outcome: string }>(
      t.database.db,
      sql`select outcome from form_submissions where workspace_id = ${ws.workspaceId}`,
    );
    expect(outcomes.every((o) => o.outcome === 'updated')).toBe(true);
    const pages = (await ws.admin.api.get('/api/pages')).json().items;
    expect(pages).toHaveLength(1);
    expect(pages[0].status).toBe('published');
    const page = await t.app.inject({ method: 'GET', url: `/p/${pages[0].slug}`, headers: { 'user-agent': 'curl/8' } });
    expect(page.body).toContain('Save my seat');
    const consents = await rows(
      t.database.db,
      sql`select 1 from consent_history where workspace_id = ${ws.workspaceId} and source like 'form:%'`,
    );
    expect(consents.length).toBeGreaterThan(0);
  }, 120_000);
});
