import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../../kernel/errors.ts';
import type { App, AppDeps } from '../../../kernel/http/index.ts';
import { viewMessage } from '../queries/view-message.ts';
import { purposes, readClickToken, readMessageToken, readRecipientToken } from '../render/links.ts';
import { confirmOptIn, readConfirmToken, readConfirmTokenAnyAge } from '../use-cases/double-opt-in.ts';
import { resendConfirmationByToken } from '../use-cases/resend-confirmation.ts';
import { recordClick, recordOpen } from '../use-cases/track.ts';
import { getPreferences, savePreferences, unsubscribe } from '../use-cases/unsubscribe.ts';
import {
  esc,
  expiredConfirmOfferPage,
  expiredConfirmPage,
  invalidLinkPage,
  page,
  resendAcceptedPage,
  tooManyRequestsPage,
} from './pages.ts';

const tokenParams = z.object({ token: z.string().min(1).max(4000) });
const gif = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const html = (reply: FastifyReply, status: number, body: string) =>
  reply.status(status).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
const ua = (req: FastifyRequest) => String(req.headers['user-agent'] ?? '');
/** The page for a confirmation token that does not verify: an offer of a fresh link when only its age is wrong. */
const unusableConfirmPage = (token: string) =>
  readConfirmTokenAnyAge(token)?.expired ? expiredConfirmOfferPage(`/e/confirm/${token}/resend`) : expiredConfirmPage();

/**
 * What people reach from their mail, without signing in: one-click unsubscribe (RFC 8058: POST, no cookie), the
 * footer link and preference centre, the open pixel, click redirects and the browser view. Every link carries a
 * signed token; a forged or altered one changes nothing and gets a 400 page (the pixel still answers a GIF).
 */
export async function publicEmailRoutes(app: App, { database }: AppDeps) {
  // Mail clients post one-click unsubscribes as application/x-www-form-urlencoded (RFC 8058), some as multipart.
  app.addContentTypeParser(
    ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'],
    { parseAs: 'string', bodyLimit: 65_536 },
    (_req, body, done) => {
      const out: Record<string, string | string[]> = {};
      for (const [k, v] of new URLSearchParams(String(body))) {
        const prev = out[k];
        out[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
      }
      done(null, out);
    },
  );

  const pub = (why: string) => ({ public: why });

  app.get(
    '/u/:token',
    { config: pub('unsubscribe link from an email (signed token)'), schema: { hide: true, params: tokenParams } },
    async (req, reply) => {
      const ref = readRecipientToken(purposes.unsubscribe, req.params.token);
      if (!ref) return html(reply, 400, invalidLinkPage());
      // A GET never unsubscribes (link scanners follow every link): the person confirms with the button.
      return html(
        reply,
        200,
        page(
          'Unsubscribe',
          `<h1>Unsubscribe?</h1><p>You will stop receiving these emails.</p><form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit" autofocus>Unsubscribe</button></form>`,
        ),
      );
    },
  );

  app.post(
    '/u/:token',
    { config: pub('RFC 8058 one-click unsubscribe: mail providers post without cookies'), schema: { hide: true, params: tokenParams } },
    async (req, reply) => {
      const ref = readRecipientToken(purposes.unsubscribe, req.params.token);
      if (!ref) return html(reply, 400, invalidLinkPage());
      const res = await unsubscribe(database.db, ref, req.ip);
      return html(
        reply,
        200,
        page(
          'Unsubscribed',
          `<h1>You are unsubscribed</h1><p>${esc(res.email ?? 'This address')} will not get ${res.scope === 'type' ? 'these emails' : 'marketing email from us'} any more.</p>`,
        ),
      );
    },
  );

  app.get(
    '/preferences/:token',
    { config: pub('preference centre from an email (signed token)'), schema: { hide: true, params: tokenParams } },
    async (req, reply) => {
      const ref = readRecipientToken(purposes.preferences, req.params.token) ?? readRecipientToken(purposes.unsubscribe, req.params.token);
      if (!ref) return html(reply, 400, invalidLinkPage());
      const p = await getPreferences(database.db, ref);
      const boxes = p.types
        .map(
          (t) =>
            `<label><input type="checkbox" name="types" value="${esc(t.id)}" ${t.opted_out ? '' : 'checked'}><span>${esc(t.name)}<small>${esc(t.description)}</small></span></label>`,
        )
        .join('');
      return html(
        reply,
        200,
        page(
          'Email preferences',
          `<h1>Email preferences</h1><p>For ${esc(p.email ?? 'your address')}. Choose what you want to receive; changes apply at once.</p>
<form method="post">${boxes}<label><input type="checkbox" name="all" value="on" ${p.unsubscribedAll ? 'checked' : ''}><span>Unsubscribe from all marketing email</span></label>
<button type="submit">Save preferences</button></form>`,
        ),
      );
    },
  );

  app.post(
    '/preferences/:token',
    { config: pub('preference centre save (signed token)'), schema: { hide: true, params: tokenParams } },
    async (req, reply) => {
      const ref = readRecipientToken(purposes.preferences, req.params.token) ?? readRecipientToken(purposes.unsubscribe, req.params.token);
      if (!ref) return html(reply, 400, invalidLinkPage());
      const body = (req.body ?? {}) as Record<string, string | string[]>;
      const types = body.types === undefined ? [] : Array.isArray(body.types) ? body.types : [body.types];
      await savePreferences(
        database.db,
        ref,
        { subscribed: types.filter((t) => /^[0-9a-f-]{36}$/.test(t)), all: body.all === 'on' },
        req.ip,
      );
      return html(reply, 200, page('Preferences saved', '<h1>Preferences saved</h1><p>Your choices apply from now on.</p>'));
    },
  );

  app.get(
    '/e/o/:token',
    { config: pub('open-tracking pixel (signed token)'), schema: { hide: true, params: tokenParams } },
    async (req, reply) => {
      const ref = readMessageToken(purposes.open, req.params.token.replace(/\.gif$/, ''));
      if (ref) await recordOpen(database.db, ref.w, ref.m, ua(req), req.ip).catch((err) => req.log.warn({ err }, 'open not recorded'));
      return reply.header('content-type', 'image/gif').header('cache-control', 'no-store, private').send(gif);
    },
  );

  app.get(
    '/e/c/:token',
    { config: pub('click redirect (signed token: the target URL is inside the signature)'), schema: { hide: true, params: tokenParams } },
    async (req, reply) => {
      const ref = readClickToken(req.params.token);
      if (!ref) return html(reply, 404, invalidLinkPage());
      await recordClick(database.db, ref.w, ref.m, ref.u, ua(req)).catch((err) => req.log.warn({ err }, 'click not recorded'));
      return reply.header('cache-control', 'no-store').redirect(ref.u, 302);
    },
  );

  app.get(
    '/e/v/:token',
    { config: pub('view an email in the browser (signed token)'), schema: { hide: true, params: tokenParams } },
    async (req, reply) => {
      const ref = readMessageToken(purposes.view, req.params.token);
      const body = ref ? await viewMessage(database.db, ref.w, ref.m) : null;
      if (!body) return html(reply, 404, invalidLinkPage());
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-store')
        .header('content-security-policy', "default-src 'none'; img-src * data:; style-src 'unsafe-inline'")
        .send(body);
    },
  );

  app.get(
    '/e/confirm/:token',
    { config: pub('double opt-in confirmation link from an email (signed, expiring token)'), schema: { hide: true, params: tokenParams } },
    async (req, reply) => {
      const t = readConfirmToken(req.params.token);
      if (!t) return html(reply, 400, unusableConfirmPage(req.params.token));
      // A GET never confirms (mail scanners follow every link): the person confirms with the button.
      return html(
        reply,
        200,
        page(
          'Confirm your subscription',
          `<h1>Confirm your subscription</h1><p>You asked to receive email from us (${esc(t.n)}). Confirm to start receiving it.</p><form method="post"><button type="submit" autofocus>Confirm subscription</button></form>`,
        ),
      );
    },
  );

  app.post(
    '/e/confirm/:token',
    { config: pub('double opt-in confirmation (signed, expiring token; no cookie)'), schema: { hide: true, params: tokenParams } },
    async (req, reply) => {
      const t = readConfirmToken(req.params.token);
      if (!t) return html(reply, 400, unusableConfirmPage(req.params.token));
      const res = await confirmOptIn(database.db, t, req.ip);
      if (res.status === 'gone') return html(reply, 404, invalidLinkPage());
      return html(
        reply,
        200,
        page(
          'Subscription confirmed',
          `<h1>${res.status === 'already' ? 'Already confirmed' : 'Thank you, you are subscribed'}</h1><p>You will receive email from us (${esc(res.name)}). Every message has a link to unsubscribe.</p>`,
        ),
      );
    },
  );

  app.post(
    '/e/confirm/:token/resend',
    {
      config: pub('asks for a fresh double opt-in link with an expired one (signature checked, rate-limited; no cookie)'),
      schema: { hide: true, params: tokenParams },
    },
    async (req, reply) => {
      try {
        const res = await resendConfirmationByToken(database.db, req.params.token, req.ip);
        if (!res) return html(reply, 400, expiredConfirmPage());
        return html(reply, 200, resendAcceptedPage());
      } catch (err) {
        if (err instanceof AppError && err.code === 'rate_limited') {
          const seconds = Number((err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 3600);
          return html(reply.header('retry-after', String(seconds)), 429, tooManyRequestsPage(seconds));
        }
        throw err;
      }
    },
  );
}
