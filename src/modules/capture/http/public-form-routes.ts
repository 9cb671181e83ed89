import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../kernel/errors.ts';
import { toErrorBody } from '../../../kernel/http/error-handler.ts';
import type { App, AppDeps } from '../../../kernel/http/index.ts';
import { embedScript } from '../public/embed-script.ts';
import { documentHtml, esc } from '../public/html.ts';
import { corsAny, publicPageHeaders } from '../public/public-headers.ts';
import { renderFormHtml } from '../public/render-form.ts';
import { getPublishedForm } from '../queries/get-published-form.ts';
import { renderToken } from '../spam.ts';
import { toStringValues, valuesError } from '../submission-values.ts';
import { submitForm } from '../use-cases/submit-form.ts';
import { visitorCookie } from '../visitor-id.ts';

const slugParams = z.object({ slug: z.string().max(100) });
const publicReason = 'a published form is public: anyone may see and submit it (spam-checked, rate-limited)';
const bodyLimit = 64 * 1024;

const wantsJson = (req: FastifyRequest, body: unknown) =>
  !req.headers['content-type']?.startsWith('application/x-www-form-urlencoded') ||
  (body as Record<string, unknown> | undefined)?._format === 'json';

/** A friendly HTML page for people whose browser posted the form (no JavaScript). */
function errorPage(reply: FastifyReply, status: number, title: string, message: string) {
  publicPageHeaders(reply, { frame: true });
  return reply.status(status).send(
    documentHtml({
      title,
      body: `<main><h1>${esc(title)}</h1><p>${esc(message)}</p><p>Use your browser’s Back button to return to the form.</p></main>`,
    }),
  );
}

const notFoundError = (slug: string) => new AppError('form_not_found', `No published form at /f/${slug.slice(0, 100)}.`);

/** Hosted form, thank-you page, embed script and the public submission endpoint. */
export async function publicFormRoutes(app: App, deps: AppDeps) {
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  const origin = (req: FastifyRequest) => deps.config.publicUrl?.replace(/\/$/, '') ?? `${req.protocol}://${req.host}`;

  app.get('/f/:slug', { config: { public: publicReason }, schema: { hide: true, params: slugParams } }, async (req, reply) => {
    const found = await getPublishedForm(deps.database.db, req.params.slug);
    if (!found) return errorPage(reply, 404, 'Form not found', 'This form does not exist or is no longer published.');
    const { form, consentText } = found;
    const query = req.query as Record<string, string>;
    const html = renderFormHtml({
      ...form,
      consentText,
      token: renderToken(deps.secretKey, form.id),
      action: `/f/${form.slug}`,
      query,
      pageUrl: `${origin(req)}${req.url}`,
    });
    publicPageHeaders(reply, { frame: true });
    reply.header('cache-control', 'no-store');
    return documentHtml({
      title: form.name,
      body: `<main><h1>${esc(form.name)}</h1>${html}</main><script src="/f/${esc(form.slug)}/embed.js" defer></script>`,
    });
  });

  app.get('/f/:slug/thanks', { config: { public: publicReason }, schema: { hide: true, params: slugParams } }, async (req, reply) => {
    const found = await getPublishedForm(deps.database.db, req.params.slug);
    if (!found) return errorPage(reply, 404, 'Form not found', 'This form does not exist or is no longer published.');
    publicPageHeaders(reply, { frame: true });
    return documentHtml({
      title: found.form.name,
      body: `<main><div class="tdm-thanks" role="status">${esc(found.form.settings.thankYouMessage)}</div></main>`,
    });
  });

  app.get('/f/:slug/embed.js', { config: { public: publicReason }, schema: { hide: true, params: slugParams } }, async (req, reply) => {
    corsAny(reply);
    reply.header('content-type', 'text/javascript; charset=utf-8').header('cache-control', 'no-store');
    reply.header('cross-origin-resource-policy', 'cross-origin');
    const found = await getPublishedForm(deps.database.db, req.params.slug);
    if (!found) return `console.warn(${JSON.stringify(`Tandem: no published form "${req.params.slug.slice(0, 100)}"`)});`;
    const { form, consentText } = found;
    const token = renderToken(deps.secretKey, form.id);
    const formHtml = renderFormHtml({ ...form, consentText, token, action: `${origin(req)}/f/${form.slug}` });
    return embedScript({ slug: form.slug, formHtml, token, proofOfWork: form.settings.proofOfWork });
  });

  app.options('/f/:slug', { config: { public: publicReason }, schema: { hide: true } }, async (_req, reply) => {
    corsAny(reply);
    return reply.status(204).send();
  });

  app.post(
    '/f/:slug',
    {
      config: { public: publicReason },
      bodyLimit,
      schema: { hide: true, params: slugParams },
      errorHandler: (err, req, reply) => {
        corsAny(reply);
        const { status, body } = toErrorBody(err, req);
        if (wantsJson(req, req.body)) return reply.status(status).send(body);
        return errorPage(reply, status, 'We could not take this form', body.error.message);
      },
    },
    async (req, reply) => {
      corsAny(reply);
      const values = toStringValues(req.body ?? {});
      const json = wantsJson(req, values);
      const found = await getPublishedForm(deps.database.db, req.params.slug);
      if (!found) throw notFoundError(req.params.slug);
      const { form, consentText } = found;
      const cookie = visitorCookie(req.headers.cookie);
      const result = await submitForm(deps.database.db, deps.secretKey, {
        form,
        values,
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        cookieVisitorId: cookie,
      });
      if (result.status === 'invalid') {
        if (json) throw valuesError(result.errors);
        const { _t, ...kept } = result.values;
        const html = renderFormHtml({
          ...form,
          consentText,
          token: _t ?? renderToken(deps.secretKey, form.id),
          action: `/f/${form.slug}`,
          values: kept,
          errors: result.errors,
          pageUrl: values._page_url,
        });
        publicPageHeaders(reply, { frame: true });
        return reply.status(400).send(documentHtml({ title: form.name, body: `<main><h1>${esc(form.name)}</h1>${html}</main>` }));
      }
      // Accepted and discarded spam answer the same.
      const redirectUrl = form.settings.redirectUrl;
      if (json) return { ok: true, message: form.settings.thankYouMessage, redirectUrl };
      return reply.redirect(redirectUrl ?? `/f/${form.slug}/thanks`, 303);
    },
  );
}
