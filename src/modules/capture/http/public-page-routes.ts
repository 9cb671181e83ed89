import { sql } from 'drizzle-orm';
import { isbot } from 'isbot';
import { z } from 'zod';
import { rows } from '../../../kernel/db/index.ts';
import type { App, AppDeps } from '../../../kernel/http/index.ts';
import { documentHtml } from '../public/html.ts';
import { publicPageHeaders } from '../public/public-headers.ts';
import { renderFormHtml } from '../public/render-form.ts';
import { formIdsOf, type PageContent, renderPageHtml } from '../public/render-page.ts';
import { getPublishedFormsById } from '../queries/get-published-form.ts';
import { renderToken } from '../spam.ts';
import { recordPageView } from '../use-cases/record-page-view.ts';
import { visitorCookie } from '../visitor-id.ts';

/**
 * Rendered pages by page id, version and hour: a publish makes a new version, and the hour renews the forms'
 * render tokens (valid a day) for visitors without JavaScript. Bounded, oldest entry out first.
 */
const cache = new Map<string, string>();
const cacheMax = 500;

async function render(deps: AppDeps, page: { id: string; workspace_id: string; version: number }, url: string) {
  const key = `${page.id}:${page.version}:${Math.floor(Date.now() / 3_600_000)}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const [row] = await rows<{ published: PageContent }>(deps.database.db, sql`select published from landing_pages where id = ${page.id}`);
  const content = row!.published;
  const forms = await getPublishedFormsById(deps.database.db, page.workspace_id, formIdsOf(content.blocks));
  const html = renderPageHtml(content, {
    url,
    formSlugs: forms.map((f) => f.form.slug),
    formHtml: (id) => {
      const f = forms.find((x) => x.form.id === id);
      return f
        ? renderFormHtml({
            ...f.form,
            consentText: f.consentText,
            token: renderToken(deps.secretKey, f.form.id),
            action: `/f/${f.form.slug}`,
            pageUrl: url,
          })
        : null;
    },
  });
  if (cache.size >= cacheMax) cache.delete(cache.keys().next().value!);
  cache.set(key, html);
  return html;
}

/** Published landing pages at /p/:slug, static HTML with a page_view per human visit. */
export async function publicPageRoutes(app: App, deps: AppDeps) {
  app.get(
    '/p/:slug',
    { config: { public: 'a published landing page is public' }, schema: { hide: true, params: z.object({ slug: z.string().max(100) }) } },
    async (req, reply) => {
      publicPageHeaders(reply, { frame: false });
      const [page] = await rows<{ id: string; workspace_id: string; version: number }>(
        deps.database.db,
        sql`select id, workspace_id, version from landing_pages where slug = ${req.params.slug} and status = 'published' and deleted_at is null`,
      );
      if (!page)
        return reply.status(404).send(
          documentHtml({
            title: 'Page not found',
            body: '<main><h1>Page not found</h1><p>This page does not exist or is no longer published.</p></main>',
          }),
        );
      const base = deps.config.publicUrl?.replace(/\/$/, '') ?? `${req.protocol}://${req.host}`;
      const url = `${base}/p/${req.params.slug}`;
      const html = await render(deps, page, url);
      const ua = req.headers['user-agent'] ?? '';
      if (ua && !isbot(ua)) {
        const query = req.query as Record<string, string>;
        const visitor = query.tv ?? visitorCookie(req.headers.cookie);
        await recordPageView(deps.database.db, {
          workspaceId: page.workspace_id,
          pageId: page.id,
          url: `${base}${req.url}`,
          visitor,
          referrer: typeof req.headers.referer === 'string' ? req.headers.referer : null,
        });
      }
      reply.header('cache-control', 'no-cache');
      return html;
    },
  );
}
