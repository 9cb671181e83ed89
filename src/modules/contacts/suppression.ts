import { sql } from 'drizzle-orm';
import { sha256 } from '../../kernel/auth/index.ts';
import type { Ctx } from '../../kernel/context.ts';
import { rows } from '../../kernel/db/index.ts';
import { AppError } from '../../kernel/errors.ts';

/**
 * The key of an email in `suppressions`: hex sha256 of "<workspaceId>:<normalized email>". The
 * workspace id salts it, so equal emails hash differently per workspace and the table holds no
 * readable address after an erasure. It is pseudonymization, not secrecy: whoever knows an address
 * and the workspace id can recompute the hash, which is exactly what imports and sends need to do.
 */
export const emailHash = (workspaceId: string, email: string) => sha256(`${workspaceId}:${email.trim().toLowerCase()}`);

/** Refuses emails of erased people (409 contact_erased naming the email's path): they must not come back. */
export async function assertNotErased(ctx: Ctx, list: { email: string; index: number }[]) {
  if (!list.length) return;
  const hashes = list.map((e) => emailHash(ctx.workspaceId, e.email));
  const hit = await rows<{ email_hash: string }>(
    ctx.db,
    sql`select email_hash from suppressions where workspace_id = ${ctx.workspaceId} and reason = 'erased' and email_hash in ${hashes}`,
  );
  if (!hit.length) return;
  const e = list[hashes.indexOf(hit[0]!.email_hash)]!;
  throw new AppError('contact_erased', `The person with the email ${e.email} asked to be erased; they cannot be added again.`, {
    path: ['body', 'emails', e.index, 'email'],
  });
}

/** Which of these emails belong to erased people (imports skip them). */
export async function erasedEmails(ctx: Ctx, emails: string[]): Promise<Set<string>> {
  if (!emails.length) return new Set();
  const byHash = new Map(emails.map((e) => [emailHash(ctx.workspaceId, e), e]));
  const hit = await rows<{ email_hash: string }>(
    ctx.db,
    sql`select email_hash from suppressions where workspace_id = ${ctx.workspaceId} and reason = 'erased' and email_hash in ${[...byHash.keys()]}`,
  );
  return new Set(hit.map((h) => byHash.get(h.email_hash)!));
}
