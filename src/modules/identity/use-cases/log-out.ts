import { eq } from 'drizzle-orm';
import { evictPrincipals, sessions, sha256 } from '../../../kernel/auth/index.ts';
import type { Database } from '../../../kernel/db/index.ts';

/** Ends the session of this cookie token, here and in every process's auth cache. */
export async function logOut(database: Database, token: string) {
  await database.db.delete(sessions).where(eq(sessions.tokenHash, sha256(token)));
  await evictPrincipals(database, sha256(token));
}
