import { sql } from 'drizzle-orm';
import type { Actor } from '../context.ts';
import type { Database } from '../db/client.ts';
import { rows } from '../db/helpers.ts';
import { AppError } from '../errors.ts';
import type { Role } from './roles.ts';
import { sha256 } from './tokens.ts';

export interface Principal {
  actor: Actor;
  workspaceId: string;
  workspaceName: string;
  /** The workspace's IANA time zone: where its days begin (reports, default periods). */
  workspaceTimezone: string;
  user?: { id: string; email: string; name: string };
  session?: { id: string; csrfToken: string };
}

export const authChannel = 'tandem_auth';
const ttlMs = 5000;
// Keyed by the raw token (memory only, never stored) so a cache hit costs no hashing.
const cache = new Map<string, { at: number; hash: string; principal: Principal }>();

/**
 * Resolved principals are cached for a few seconds; revocation, logout and role changes evict them
 * here and, through NOTIFY on `tandem_auth`, in every other process.
 */
function evict(hash: string) {
  for (const [token, entry] of cache) if (entry.hash === hash) cache.delete(token);
}

export async function evictPrincipals(database: Database, keyHash?: string) {
  if (keyHash) evict(keyHash);
  else cache.clear();
  await database.db.execute(sql`select pg_notify(${authChannel}, ${keyHash ?? '*'})`);
}
export function onAuthNotify(payload: string | undefined) {
  if (!payload || payload === '*') cache.clear();
  else evict(payload);
}

function remember(token: string, hash: string, principal: Principal) {
  if (cache.size >= 10_000) cache.clear(); // bounded: entries live 5 s anyway
  cache.set(token, { at: Date.now(), hash, principal });
}

function cached(token: string) {
  const hit = cache.get(token);
  if (hit && Date.now() - hit.at < ttlMs) return hit.principal;
  if (hit) cache.delete(token);
  return undefined;
}

/** `Authorization: Bearer tdm_<prefix>_<secret>` → the key's principal, acting with its creator's role. */
export async function authenticateApiKey(database: Database, token: string): Promise<Principal> {
  const hit = cached(token);
  if (hit) return hit;
  const hash = sha256(token);
  const prefix = /^tdm_([A-Za-z0-9]{8})_/.exec(token)?.[1];
  if (!prefix) throw new AppError('api_key_invalid', 'The API key is malformed. Keys look like tdm_XXXXXXXX_…');
  const [key] = await rows<{
    id: string;
    name: string;
    key_hash: string;
    scope: 'read' | 'write';
    revoked_at: Date | null;
    workspace_id: string;
    workspace_name: string;
    workspace_timezone: string;
    role: Role | null;
    user_id: string;
  }>(
    database.db,
    sql`select k.id, k.name, k.key_hash, k.scope, k.revoked_at, k.workspace_id, w.name as workspace_name, w.timezone as workspace_timezone, m.role, k.created_by as user_id
        from api_keys k join workspaces w on w.id = k.workspace_id
        left join memberships m on m.workspace_id = k.workspace_id and m.user_id = k.created_by
        where k.prefix = ${prefix}`,
  );
  if (!key || key.key_hash !== hash) throw new AppError('api_key_invalid', 'The API key is not valid.');
  if (key.revoked_at) throw new AppError('api_key_revoked', 'This API key was revoked. Create a new one in Settings → API keys.');
  if (!key.role) throw new AppError('api_key_revoked', 'The member who created this API key left the workspace; the key no longer works.');
  database.db
    .execute(
      sql`update api_keys set last_used_at = now() where id = ${key.id} and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
    )
    .catch(() => {});
  const principal: Principal = {
    actor: { type: 'api_key', id: key.id, userId: key.user_id, label: `API key ${key.name}`, role: key.role, keyScope: key.scope },
    workspaceId: key.workspace_id,
    workspaceName: key.workspace_name,
    workspaceTimezone: key.workspace_timezone,
  };
  remember(token, hash, principal);
  return principal;
}

/** The session cookie's token → the signed-in user in the session's workspace. */
export async function authenticateSession(database: Database, token: string): Promise<Principal> {
  const hit = cached(token);
  if (hit) return hit;
  const hash = sha256(token);
  const [s] = await rows<{
    id: string;
    csrf_token: string;
    expires_at: Date | string;
    workspace_id: string;
    workspace_name: string;
    workspace_timezone: string;
    user_id: string;
    email: string;
    name: string;
    role: Role | null;
    last_seen_at: Date | string;
  }>(
    database.db,
    sql`select s.id, s.csrf_token, s.expires_at, s.workspace_id, w.name as workspace_name, w.timezone as workspace_timezone, u.id as user_id, u.email, u.name, m.role, s.last_seen_at
        from sessions s join users u on u.id = s.user_id join workspaces w on w.id = s.workspace_id
        left join memberships m on m.workspace_id = s.workspace_id and m.user_id = s.user_id
        where s.token_hash = ${hash}`,
  );
  if (!s) throw new AppError('unauthenticated', 'Your session has ended. Sign in again.');
  if (new Date(s.expires_at).getTime() < Date.now()) {
    await database.db.execute(sql`delete from sessions where id = ${s.id}`);
    throw new AppError('session_expired', 'Your session expired. Sign in again.');
  }
  if (!s.role) throw new AppError('unauthenticated', 'You are no longer a member of this workspace.');
  if (Date.now() - new Date(s.last_seen_at).getTime() > 5 * 60_000)
    database.db.execute(sql`update sessions set last_seen_at = now() where id = ${s.id}`).catch(() => {});
  const principal: Principal = {
    actor: { type: 'user', id: s.user_id, userId: s.user_id, label: s.email, role: s.role },
    workspaceId: s.workspace_id,
    workspaceName: s.workspace_name,
    workspaceTimezone: s.workspace_timezone,
    user: { id: s.user_id, email: s.email, name: s.name },
    session: { id: s.id, csrfToken: s.csrf_token },
  };
  remember(token, hash, principal);
  return principal;
}
