import { and, eq } from 'drizzle-orm';
import { evictPrincipals, memberships, sessions, sha256 } from '../../../kernel/auth/index.ts';
import type { Database } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';

/** Moves the current session to another workspace the user belongs to. */
export async function switchWorkspace(database: Database, token: string, userId: string, workspaceId: string) {
  const [m] = await database.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.workspaceId, workspaceId)));
  if (!m) throw new AppError('forbidden', 'You are not a member of that workspace.', { path: ['body', 'workspaceId'] });
  await database.db
    .update(sessions)
    .set({ workspaceId })
    .where(eq(sessions.tokenHash, sha256(token)));
  await evictPrincipals(database, sha256(token));
}
