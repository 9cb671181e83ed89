import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import { type Role, roles } from '../../kernel/auth/index.ts';
import { type Ctx, systemActor } from '../../kernel/context.ts';
import { rows } from '../../kernel/db/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { addMember, createApiKey, createUser, createWorkspace, resetPassword, revokeApiKey } from '../../modules/identity/index.ts';
import { seedDemo } from '../demo.ts';
import { openPlatform, type Platform } from '../platform.ts';
import { configFrom, runCommand } from './run-command.ts';

const cliActor = systemActor('CLI');

/** Opens the platform for one command and closes it after. */
export async function withPlatform(cmd: Command, fn: (p: Platform) => Promise<void>) {
  const p = await openPlatform(configFrom(cmd.optsWithGlobals()));
  try {
    await fn(p);
  } finally {
    await p.close();
  }
}

/** A workspace by id or name (case-insensitive). */
export async function findWorkspace(p: Platform, ref: string) {
  const [ws] = await rows<{ id: string; name: string }>(
    p.database.db,
    sql`select id, name from workspaces where id::text = ${ref} or lower(name) = lower(${ref}) order by created_at limit 1`,
  );
  if (!ws) throw new AppError('not_found', `No workspace "${ref}". List them with: tandem workspace list`);
  return ws;
}

function asRole(role: string): Role {
  if (!(roles as readonly string[]).includes(role))
    throw new AppError('validation_failed', `Unknown role "${role}"; use one of ${roles.join(', ')}.`);
  return role as Role;
}

export function adminCommands(program: Command) {
  const workspace = program.command('workspace').description('manage workspaces');
  workspace
    .command('create <name>')
    .description('create a workspace with an admin (creating the user when the email is new)')
    .requiredOption('--admin-email <email>', 'email of the first admin')
    .option('--admin-name <name>', 'name of the first admin, when new', 'Admin')
    .option('--admin-password <password>', 'password of the first admin, when new (min 10 characters)')
    .option('--timezone <tz>', 'IANA time zone', 'UTC')
    .option('--currency <code>', 'reporting currency', 'USD')
    .action((name, opts, cmd) =>
      runCommand(() =>
        withPlatform(cmd, async (p) => {
          const [existing] = await rows<{ id: string }>(
            p.database.db,
            sql`select id from users where lower(email) = lower(${opts.adminEmail})`,
          );
          let userId = existing?.id;
          if (!userId) {
            if (!opts.adminPassword)
              throw new AppError('validation_failed', 'The admin is a new user: give --admin-password (min 10 characters).');
            userId = (await createUser(p.database.db, { email: opts.adminEmail, name: opts.adminName, password: opts.adminPassword })).id;
          }
          const ws = await createWorkspace(p.database.db, { name, timezone: opts.timezone, currency: opts.currency, ownerUserId: userId });
          console.log(`Created workspace ${ws.name} (${ws.id}) with admin ${opts.adminEmail}.`);
        }),
      ),
    );
  workspace
    .command('list')
    .description('list workspaces')
    .action((_o, cmd) =>
      runCommand(() =>
        withPlatform(cmd, async (p) => {
          const list = await rows<{ id: string; name: string; members: number }>(
            p.database.db,
            sql`select w.id, w.name, (select count(*)::int from memberships m where m.workspace_id = w.id) as members from workspaces w order by w.created_at`,
          );
          for (const w of list) console.log(`${w.id}  ${w.name}  (${w.members} members)`);
          if (!list.length) console.log('No workspaces yet. Create one with: tandem workspace create NAME --admin-email …');
        }),
      ),
    );

  const user = program.command('user').description('manage users');
  user
    .command('create <email>')
    .description('create a user and add them to a workspace')
    .requiredOption('--workspace <id-or-name>', 'workspace to join')
    .requiredOption('--password <password>', 'password (min 10 characters)')
    .option('--name <name>', 'display name')
    .option('--role <role>', roles.join('|'), 'sales_rep')
    .action((email, opts, cmd) =>
      runCommand(() => {
        const role = asRole(opts.role);
        return withPlatform(cmd, async (p) => {
          const ws = await findWorkspace(p, opts.workspace);
          await p.database.db.transaction(async (tx) => {
            const u = await createUser(tx, { email, name: opts.name ?? email.split('@')[0], password: opts.password });
            await addMember({ db: tx, workspaceId: ws.id, actor: cliActor }, u.id, role);
          });
          console.log(`Created ${email} as ${role} in ${ws.name}.`);
        });
      }),
    );
  user
    .command('reset-password <email>')
    .description('set a new password and end the user’s sessions')
    .requiredOption('--password <password>', 'the new password (min 10 characters)')
    .action((email, opts, cmd) =>
      runCommand(() =>
        withPlatform(cmd, async (p) => {
          await resetPassword(p.database, email, opts.password);
          console.log(`Password of ${email} changed; their sessions were ended.`);
        }),
      ),
    );

  const apiKey = program.command('api-key').description('manage API keys');
  apiKey
    .command('create')
    .description('create an API key acting as a member (printed once)')
    .requiredOption('--workspace <id-or-name>', 'workspace')
    .requiredOption('--user <email>', 'member the key acts as')
    .option('--name <name>', 'label', 'CLI key')
    .option('--scope <scope>', 'read|write', 'write')
    .action((opts, cmd) =>
      runCommand(() =>
        withPlatform(cmd, async (p) => {
          const ctx = await memberCtx(p, opts.workspace, opts.user);
          if (opts.scope !== 'read' && opts.scope !== 'write') throw new AppError('validation_failed', '--scope must be read or write.');
          const { key } = await createApiKey(ctx, { name: opts.name, scope: opts.scope });
          console.log(key);
        }),
      ),
    );
  apiKey
    .command('revoke <id>')
    .description('revoke an API key by id')
    .requiredOption('--workspace <id-or-name>', 'workspace')
    .action((id, opts, cmd) =>
      runCommand(() =>
        withPlatform(cmd, async (p) => {
          const ws = await findWorkspace(p, opts.workspace);
          await revokeApiKey(p.database, { db: p.database.db, workspaceId: ws.id, actor: cliActor }, id);
          console.log(`Revoked API key ${id}.`);
        }),
      ),
    );

  program
    .command('demo')
    .description('create the demo workspace with a believable book of business')
    .option('--email <email>', 'login of the demo admin', 'admin@demo.tandem.test')
    .option('--password <password>', 'password of the demo admin (random when omitted)')
    .action((opts, cmd) =>
      runCommand(() =>
        withPlatform(cmd, async (p) => {
          const demo = await seedDemo(p, { email: opts.email, password: opts.password, onProgress: (m) => process.stderr.write(`${m}\n`) });
          console.log(`Demo workspace "${demo.workspaceName}" ready. Sign in as ${demo.email} / ${demo.password}`);
        }),
      ),
    );
}

async function memberCtx(p: Platform, workspaceRef: string, email: string): Promise<Ctx> {
  const ws = await findWorkspace(p, workspaceRef);
  const [m] = await rows<{ id: string; role: Role }>(
    p.database.db,
    sql`select u.id, m.role from users u join memberships m on m.user_id = u.id and m.workspace_id = ${ws.id} where lower(u.email) = lower(${email})`,
  );
  if (!m) throw new AppError('user_not_found', `${email} is not a member of ${ws.name}.`);
  return { db: p.database.db, workspaceId: ws.id, actor: { type: 'user', id: m.id, userId: m.id, label: email, role: m.role } };
}
