import type { Role } from './auth/roles.ts';
import type { Executor } from './db/client.ts';

/** Who is acting: a signed-in user, an API key, or Tandem itself (jobs, flows). */
export interface Actor {
  type: 'user' | 'api_key' | 'system';
  id: string;
  userId?: string;
  label: string;
  role: Role;
  keyScope?: 'read' | 'write';
}

/** What every use case receives: where to write, in which workspace, on whose behalf. */
export interface Ctx {
  db: Executor;
  workspaceId: string;
  actor: Actor;
  requestId?: string;
  ip?: string;
}

export const systemActor = (label = 'system'): Actor => ({ type: 'system', id: label, label, role: 'admin' });
export const withDb = (ctx: Ctx, db: Executor): Ctx => ({ ...ctx, db });
