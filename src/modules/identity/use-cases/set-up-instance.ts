import { sql } from 'drizzle-orm';
import { instance, safeEqual } from '../../../kernel/auth/index.ts';
import { type Executor, rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { createUser } from './create-user.ts';
import { createWorkspace } from './create-workspace.ts';

/** True until the first workspace exists. */
export async function needsSetup(db: Executor) {
  const [row] = await rows<{ n: number }>(db, sql`select count(*)::int as n from workspaces`);
  return !row?.n;
}

/** The one-time token printed to the console at first start; whoever has it may create the first admin. */
export async function setupToken(db: Executor): Promise<string | undefined> {
  const [row] = await rows<{ value: string }>(db, sql`select value from instance where key = 'setup_token'`);
  return row?.value;
}

export async function ensureSetupToken(db: Executor, token: string) {
  await db.insert(instance).values({ key: 'setup_token', value: token }).onConflictDoNothing();
  return (await setupToken(db))!;
}

export interface SetUpInput {
  token: string;
  workspaceName: string;
  name: string;
  email: string;
  password: string;
  timezone?: string;
  currency?: string;
}

/** First-run setup: the first workspace and its admin, once. */
export async function setUpInstance(db: Executor, input: SetUpInput) {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(7263002)`);
    if (!(await needsSetup(tx))) throw new AppError('already_set_up', 'Tandem is already set up. Sign in instead.');
    const expected = await setupToken(tx);
    if (!expected || !safeEqual(expected, input.token))
      throw new AppError('setup_token_invalid', 'The setup link is not valid. Use the link printed in the server console at start.');
    const user = await createUser(tx, input);
    const workspace = await createWorkspace(tx, {
      name: input.workspaceName,
      timezone: input.timezone,
      currency: input.currency,
      ownerUserId: user.id,
    });
    await tx.execute(sql`delete from instance where key = 'setup_token'`);
    return { user, workspace };
  });
}
