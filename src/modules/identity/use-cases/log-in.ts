import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { clearRateLimit, hashPassword, hitRateLimit, randomToken, sessions, sha256, verifyPassword } from '../../../kernel/auth/index.ts';
import { type Database, rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';

export interface LogInInput {
  email: string;
  password: string;
  workspaceId?: string;
  ip: string;
  userAgent?: string;
  ttlHours: number;
}

// A fixed hash to verify against when the email is unknown, so timing does not reveal accounts.
let dummy: Promise<string> | undefined;
const dummyHash = () => (dummy ??= hashPassword('no such account, still verify'));

/**
 * Checks email + password (throttled per IP and per account) and opens a session in the user's
 * chosen or first workspace. Returns the raw session token (for the cookie) and the CSRF token.
 */
export async function logIn(database: Database, input: LogInInput) {
  const email = input.email.trim().toLowerCase();
  const db = database.db;
  await hitRateLimit(db, `login:ip:${input.ip}`, 30, 15 * 60);
  await hitRateLimit(db, `login:account:${email}`, 10, 15 * 60);
  const [user] = await rows<{ id: string; password_hash: string; name: string; email: string }>(
    db,
    sql`select id, password_hash, name, email from users where lower(email) = ${email}`,
  );
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash()), input.password);
  if (!user || !ok) throw new AppError('invalid_credentials', 'Wrong email or password.');
  const memberships = await rows<{ workspace_id: string }>(
    db,
    sql`select workspace_id from memberships where user_id = ${user.id} order by created_at`,
  );
  const workspaceId =
    input.workspaceId && memberships.some((m) => m.workspace_id === input.workspaceId) ? input.workspaceId : memberships[0]?.workspace_id;
  if (!workspaceId) throw new AppError('forbidden', 'Your account is not a member of any workspace. Ask an admin for an invite.');
  const token = randomToken();
  const csrfToken = randomToken(24);
  const session = await db.transaction(async (tx) => {
    const [s] = await tx
      .insert(sessions)
      .values({
        workspaceId,
        userId: user.id,
        tokenHash: sha256(token),
        csrfToken,
        expiresAt: new Date(Date.now() + input.ttlHours * 3600_000),
        ip: input.ip,
        userAgent: input.userAgent?.slice(0, 500) ?? null,
      })
      .returning({ id: sessions.id, expiresAt: sessions.expiresAt });
    await tx.execute(sql`update users set last_login_at = now() where id = ${user.id}`);
    await recordAudit(
      { db: tx, workspaceId, actor: { type: 'user', id: user.id, userId: user.id, label: user.email, role: 'viewer' }, ip: input.ip },
      { action: 'user.logged_in', entityType: 'user', entityId: user.id },
    );
    return s!;
  });
  await clearRateLimit(db, `login:account:${email}`);
  return { token, csrfToken, expiresAt: session.expiresAt, userId: user.id, workspaceId };
}
