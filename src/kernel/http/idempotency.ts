import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Database } from '../db/client.ts';
import { rows } from '../db/helpers.ts';
import { AppError } from '../errors.ts';

const replayed = Symbol('idempotency');
type Marked = FastifyRequest & { [replayed]?: { principal: string; key: string } };

/**
 * POSTs with an `Idempotency-Key` header run once: a retry with the same key and body within
 * 24 hours gets the first response again (header `Idempotent-Replayed: true`).
 */
export function idempotencyHooks(database: Database) {
  const preHandler = async (request: FastifyRequest, reply: FastifyReply) => {
    const key = request.headers['idempotency-key'];
    if (request.method !== 'POST' || typeof key !== 'string' || !request.principal) return;
    if (key.length === 0 || key.length > 200)
      throw new AppError('validation_failed', 'Idempotency-Key must be 1-200 characters.', { path: ['headers', 'idempotency-key'] });
    const ws = request.principal.workspaceId;
    const principal = request.principal.actor.id;
    const hash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const inserted = await rows(
      database.db,
      sql`insert into idempotency_keys (workspace_id, principal, key, request_hash) values (${ws}, ${principal}, ${key}, ${hash})
          on conflict (workspace_id, principal, key) do update set request_hash = excluded.request_hash, status_code = null, response = null, created_at = now()
            where idempotency_keys.created_at < now() - interval '24 hours'
          returning key`,
    );
    if (inserted.length) {
      (request as Marked)[replayed] = { principal, key };
      return;
    }
    const [prior] = await rows<{ request_hash: string; status_code: number | null; response: unknown }>(
      database.db,
      sql`select request_hash, status_code, response from idempotency_keys where workspace_id = ${ws} and principal = ${principal} and key = ${key}`,
    );
    if (!prior) return;
    if (prior.request_hash !== hash)
      throw new AppError('idempotency_key_reused', 'This Idempotency-Key was used for a different request; use a new key.');
    if (prior.status_code == null)
      throw new AppError('idempotency_in_progress', 'A request with this Idempotency-Key is still running; retry shortly.');
    reply.header('idempotent-replayed', 'true');
    return reply.status(prior.status_code).send(prior.response);
  };

  const onSend = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const mark = (request as Marked)[replayed];
    if (!mark || !request.principal) return payload;
    const ws = request.principal.workspaceId;
    if (reply.statusCode >= 500) {
      await database.db.execute(
        sql`delete from idempotency_keys where workspace_id = ${ws} and principal = ${mark.principal} and key = ${mark.key}`,
      );
    } else {
      let body: unknown = null;
      try {
        body = typeof payload === 'string' && payload ? JSON.parse(payload) : null;
      } catch {}
      await database.db.execute(
        sql`update idempotency_keys set status_code = ${reply.statusCode}, response = ${JSON.stringify(body)}::jsonb
            where workspace_id = ${ws} and principal = ${mark.principal} and key = ${mark.key}`,
      );
    }
    return payload;
  };
  return { preHandler, onSend };
}
