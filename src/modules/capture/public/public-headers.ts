import type { FastifyReply } from 'fastify';

/**
 * Hosted forms and landing pages: inline CSS, our own scripts only, images from any https host, forms may post
 * to (and be redirected to) any web address, and customers may frame them.
 */
export function publicPageHeaders(reply: FastifyReply, opts: { frame: boolean }) {
  reply.removeHeader('x-frame-options');
  reply.header(
    'content-security-policy',
    `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; form-action 'self' https: http:; base-uri 'none'; object-src 'none'; frame-ancestors ${opts.frame ? '*' : "'self'"}`,
  );
  reply.header('content-type', 'text/html; charset=utf-8');
}

/** Any site may post a public form or load its script; credentials never travel. */
export function corsAny(reply: FastifyReply) {
  reply.header('access-control-allow-origin', '*');
  reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
  reply.header('access-control-allow-headers', 'content-type');
  reply.header('access-control-max-age', '86400');
}
