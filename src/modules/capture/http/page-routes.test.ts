import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace } from '../../../apps/test-kit.ts';
import { rows } from '../../../kernel/db/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const browser = { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36' };

describe('landing pages', () => {
  it('publishes a page with OG tags, sanitized text and its form; counts human views, not bots', async () => {
    const ws = await createTestWorkspace(t);
    const tag = ws.workspaceId.slice(-8);
    const form = (
      await ws.admin.api.post('/api/forms', {
        name: 'Webinar',
        slug: `webinar-form-${tag}`,
        status: 'published',
        fields: [{ key: 'email', label: 'Email', type: 'email', mapTo: 'contact.email', required: true }],
      })
    ).json();
    const created = await ws.admin.api.post('/api/pages', {
      slug: `webinar-${tag}`,
      title: 'Live webinar',
      description: 'Forty-five minutes on "pipeline" reviews',
      ogImage: 'https://cdn.example.com/og.png',
      blocks: [
        { type: 'heading', text: 'Join us <live>', level: 1 },
        { type: 'richText', html: '<p onclick="x()">Learn <b>more</b></p><script>alert(1)</script>' },
        {
          type: 'columns',
          columns: [[{ type: 'image', url: 'https://cdn.example.com/a.png', alt: 'Speaker' }], [{ type: 'form', formId: form.id }]],
        },
        { type: 'cta', label: 'Agenda', url: '#agenda' },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const page = created.json();
    expect(page.blocks[1].html).toBe('<p>Learn <b>more</b></p>');
    expect((await t.app.inject({ method: 'GET', url: `/p/webinar-${tag}`, headers: browser })).statusCode).toBe(404);
    const published = (await ws.admin.api.post(`/api/pages/${page.id}/publish`, { published: true })).json();
    expect(published).toMatchObject({ status: 'published', version: 1, unpublishedChanges: false });
    const res = await t.app.inject({
      method: 'GET',
      url: `/p/webinar-${tag}?utm_source=x&tv=0193a000-0000-7000-8000-00000000beef`,
      headers: browser,
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<meta property="og:title" content="Live webinar">');
    expect(res.body).toContain('<meta property="og:description" content="Forty-five minutes on &quot;pipeline&quot; reviews">');
    expect(res.body).toContain('<meta property="og:image" content="https://cdn.example.com/og.png">');
    expect(res.body).toContain('Join us &lt;live&gt;');
    expect(res.body).toContain(`action="/f/webinar-form-${tag}"`);
    expect(res.body).not.toContain('alert(1)');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    await t.app.inject({
      method: 'GET',
      url: `/p/webinar-${tag}`,
      headers: { 'user-agent': 'Googlebot/2.1 (+http://www.google.com/bot.html)' },
    });
    const views = await rows<{ kind: string; subject_id: string; visitor_id: string | null; props: { utm?: Record<string, string> } }>(
      t.database.db,
      sql`select kind, subject_id, visitor_id, props from contact_events where workspace_id = ${ws.workspaceId} and kind = 'page_view'`,
    );
    expect(views).toEqual([
      { kind: 'page_view', subject_id: page.id, visitor_id: '0193a000-0000-7000-8000-00000000beef', props: { utm: { source: 'x' } } },
    ]);
    expect((await ws.admin.api.get(`/api/pages/${page.id}`)).json().viewCount).toBe(1);
  });

  it('serves the published version until the next publish, and refuses taken slugs and foreign forms', async () => {
    const ws = await createTestWorkspace(t);
    const other = await createTestWorkspace(t);
    const tag = ws.workspaceId.slice(-8);
    const page = (
      await ws.admin.api.post('/api/pages', { slug: `v-${tag}`, title: 'One', blocks: [{ type: 'heading', text: 'First', level: 2 }] })
    ).json();
    await ws.admin.api.post(`/api/pages/${page.id}/publish`, { published: true });
    const edited = (await ws.admin.api.patch(`/api/pages/${page.id}`, { blocks: [{ type: 'heading', text: 'Second', level: 2 }] })).json();
    expect(edited.unpublishedChanges).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: `/p/v-${tag}`, headers: browser })).body).toContain('First');
    await ws.admin.api.post(`/api/pages/${page.id}/publish`, { published: true });
    expect((await t.app.inject({ method: 'GET', url: `/p/v-${tag}`, headers: browser })).body).toContain('Second');
    const taken = await other.admin.api.post('/api/pages', { slug: `v-${tag}`, title: 'Two', blocks: [] });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'slug_taken', details: { path: ['body', 'slug'] } });
    const foreignForm = (
      await other.admin.api.post('/api/forms', {
        name: 'F',
        slug: `foreign-${tag}`,
        fields: [{ key: 'email', label: 'Email', type: 'email', mapTo: 'contact.email', required: true }],
      })
    ).json();
    const foreign = await ws.admin.api.patch(`/api/pages/${page.id}`, { blocks: [{ type: 'form', formId: foreignForm.id }] });
    expect(foreign.statusCode).toBe(404);
    expect((await other.admin.api.get(`/api/pages/${page.id}`)).statusCode).toBe(404);
    const bad = await ws.admin.api.post('/api/pages', { slug: 'Bad Slug', title: 'x', blocks: [] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].path).toEqual(['body', 'slug']);
    const viewer = await ws.member('viewer');
    expect((await viewer.api.patch(`/api/pages/${page.id}`, { title: 'x' })).statusCode).toBe(403);
  });

  it('checks a form definition: an email field is required, keys unique, custom fields must exist', async () => {
    const ws = await createTestWorkspace(t);
    const tag = ws.workspaceId.slice(-8);
    const noEmail = await ws.admin.api.post('/api/forms', {
      name: 'x',
      slug: `x-${tag}`,
      fields: [{ key: 'name', label: 'Name', type: 'text' }],
    });
    expect(noEmail.json().error).toMatchObject({ code: 'validation_failed', details: { path: ['body', 'fields'] } });
    const dup = await ws.admin.api.post('/api/forms', {
      name: 'x',
      slug: `x-${tag}`,
      fields: [
        { key: 'email', label: 'Email', type: 'email', mapTo: 'contact.email', required: true },
        { key: 'email', label: 'Again', type: 'text' },
      ],
    });
    expect(dup.json().error.details.path).toEqual(['body', 'fields', 1, 'key']);
    const custom = await ws.admin.api.post('/api/forms', {
      name: 'x',
      slug: `x-${tag}`,
      fields: [
        { key: 'email', label: 'Email', type: 'email', mapTo: 'contact.email', required: true },
        { key: 'budget', label: 'Budget', type: 'number', mapTo: 'custom.budget' },
      ],
    });
    expect(custom.json().error.details.path).toEqual(['body', 'fields', 1, 'mapTo']);
  });
});
