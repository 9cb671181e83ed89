import { randomBytes } from 'node:crypto';
import type { Role } from '../kernel/auth/index.ts';
import { memberships } from '../kernel/auth/index.ts';
import type { Ctx } from '../kernel/context.ts';
import { type Caller, caller, createTestPlatform, type TestPlatform } from '../kernel/testing/index.ts';
import { createApiKey, createUser, createWorkspace, logIn } from '../modules/identity/index.ts';
import { buildPlatformApp, registerAllJobs } from './platform.ts';

/** The whole app over a fresh test database (tests of every module use this). */
export async function createTestApp(env: Record<string, string> = {}): Promise<TestPlatform> {
  registerAllJobs();
  return createTestPlatform((p) => buildPlatformApp({ ...p, close: async () => {} }, { serveWeb: false }), env);
}

export interface TestMember {
  userId: string;
  email: string;
  password: string;
  role: Role;
  apiKey: string;
  /** Calls with this member's API key. */
  api: Caller;
  /** Calls with a session cookie and CSRF token, like the web app. */
  web: Caller;
  cookie: string;
  csrf: string;
  ctx: Ctx;
}

export interface TestWorkspace {
  workspaceId: string;
  admin: TestMember;
  /** Adds a member with a role, signed in and with an API key. */
  member(role: Role): Promise<TestMember>;
}

const password = 'correct horse battery staple';

async function signIn(t: TestPlatform, workspaceId: string, userId: string, email: string, role: Role): Promise<TestMember> {
  const ctx: Ctx = { db: t.database.db, workspaceId, actor: { type: 'user', id: userId, userId, label: email, role } };
  const { key } = await createApiKey(ctx, { name: 'test', scope: 'write' });
  const s = await logIn(t.database, { email, password, workspaceId, ip: `10.${randomBytes(3).join('.')}`, ttlHours: 1 });
  const cookie = `tandem_session=${s.token}`;
  return {
    userId,
    email,
    password,
    role,
    apiKey: key,
    api: caller(t.app, { apiKey: key }),
    web: caller(t.app, { cookie, csrf: s.csrfToken }),
    cookie,
    csrf: s.csrfToken,
    ctx,
  };
}

/** A new workspace with an admin (each test gets its own, so tests never see each other's rows). */
export async function createTestWorkspace(t: TestPlatform, name = 'Acme'): Promise<TestWorkspace> {
  const tag = randomBytes(5).toString('hex');
  const admin = await createUser(t.database.db, { email: `admin-${tag}@example.com`, name: 'Ada Admin', password });
  const ws = await createWorkspace(t.database.db, { name, ownerUserId: admin.id });
  let n = 0;
  return {
    workspaceId: ws.id,
    admin: await signIn(t, ws.id, admin.id, admin.email, 'admin'),
    async member(role) {
      const u = await createUser(t.database.db, { email: `${role}-${n++}-${tag}@example.com`, name: `${role} ${n}`, password });
      await t.database.db.insert(memberships).values({ workspaceId: ws.id, userId: u.id, role });
      return signIn(t, ws.id, u.id, u.email, role);
    },
  };
}
