import { sql } from 'drizzle-orm';
import { rows } from '../../../kernel/db/index.ts';
import type { App, AppDeps } from '../../../kernel/http/index.ts';
import type { PageBlock } from '../form-model.ts';
import { publicPageHeaders } from '../public/public-headers.ts';
import { renderFormHtml } from '../public/render-form.ts';
import { formIdsOf, renderPageHtml } from '../public/render-page.ts';
import { getPage, getPages } from '../queries/get-page.ts';
import { getPublishedFormsById } from '../queries/get-published-form.ts';
import { renderToken } from '../spam.ts';
import { createPage, deletePage, publishPage, updatePage } from '../use-cases/save-page.ts';
import { idParams, okSchema, pageBody, pageListSchema, pageSchema, publishBody, updatePageBody } from './capture.types.ts';

const tags = ['pages'];

/** Landing pages: list, create, read, change, publish, delete, and a preview of the working copy. */
export async function pageRoutes(app: App, deps: AppDeps) {
  app.get('/api/pages', { config: { permission: 'pages:read' }, schema: { tags, response: { 200: pageListSchema } } }, async (req) => ({
    items: await getPages(req.ctx),
  }));
  app.post(
    '/api/pages',
    { config: { permission: 'pages:manage' }, schema: { tags, body: pageBody, response: { 201: pageSchema } } },
    async (req, reply) => reply.status(201).send(await createPage(req.ctx, req.body as never)),
  );
  app.get(
    '/api/pages/:id',
    { config: { permission: 'pages:read' }, schema: { tags, params: idParams, response: { 200: pageSchema } } },
    async (req) => getPage(req.ctx, req.params.id),
  );
  app.patch(
    '/api/pages/:id',
    { config: { permission: 'pages:manage' }, schema: { tags, params: idParams, body: updatePageBody, response: { 200: pageSchema } } },
    async (req) => updatePage(req.ctx, req.params.id, req.body as never),
  );
  app.post(
    '/api/pages/:id/publish',
    { config: { permission: 'pages:manage' }, schema: { tags, params: idParams, body: publishBody, response: { 200: pageSchema } } },
    async (req) => publishPage(req.ctx, req.params.id, req.body.published),
  );
  app.delete(
    '/api/pages/:id',
    { config: { permission: 'pages:manage' }, schema: { tags, params: idParams, response: { 200: okSchema } } },
    async (req) => {
      await deletePage(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
  app.get(
    '/api/pages/:id/preview',
    {
      config: { permission: 'pages:read' },
      schema: { tags, params: idParams, description: 'The working copy rendered as visitors would see it (HTML)' },
    },
    async (req, reply) => {
      const page = await getPage(req.ctx, req.params.id);
      const blocks = page.blocks as PageBlock[];
      const ids = formIdsOf(blocks);
      const forms = await getPublishedFormsById(req.ctx.db, req.ctx.workspaceId, ids);
      const drafts = await rows<{ id: string; name: string }>(
        req.ctx.db,
        ids.length
          ? sql`select id, name from forms where workspace_id = ${req.ctx.workspaceId} and id in ${ids}`
          : sql`select 1 where false`,
      );
      publicPageHeaders(reply, { frame: false });
      reply.header('cache-control', 'no-store');
      return renderPageHtml(page, {
        url: `/p/${page.slug}`,
        formSlugs: [],
        formHtml: (id) => {
          const f = forms.find((x) => x.form.id === id);
          if (f) return renderFormHtml({ ...f.form, consentText: f.consentText, token: renderToken(deps.secretKey, id), action: '#' });
          const d = drafts.find((x) => x.id === id);
          return `<p><em>The form “${d ? d.name.replace(/[<>&"]/g, '') : 'missing'}” is not published; visitors will not see it.</em></p>`;
        },
      });
    },
  );
}
