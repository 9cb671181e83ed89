import { sql } from 'drizzle-orm';
import { type Executor, newId } from '../../../kernel/db/index.ts';

/**
 * Test records in the contacts and companies tables, written with plain SQL so these tests do not
 * depend on the rules of the modules that own them.
 */
export async function addCompany(db: Executor, workspaceId: string, name = 'Acme Corp') {
  const id = newId();
  await db.execute(sql`insert into companies (id, workspace_id, name) values (${id}, ${workspaceId}, ${name})`);
  return id;
}

export async function addContact(db: Executor, workspaceId: string, opts: { name?: string; email?: string; companyId?: string } = {}) {
  const id = newId();
  const name = opts.name ?? 'Jane Doe';
  const [first = '', last = ''] = name.split(' ');
  await db.execute(sql`insert into contacts (id, workspace_id, first_name, last_name, display_name, email, company_id)
    values (${id}, ${workspaceId}, ${first}, ${last}, ${name}, ${opts.email ?? null}, ${opts.companyId ?? null})`);
  return id;
}

/** The last activity times of a contact and a company, as epoch ms (null when never touched). */
export async function lastActivity(db: Executor, table: 'contacts' | 'companies', id: string): Promise<number | null> {
  const res = (await db.execute(sql`select last_activity_at from ${sql.identifier(table)} where id = ${id}`)) as unknown as {
    rows: { last_activity_at: Date | null }[];
  };
  const v = res.rows[0]?.last_activity_at;
  return v ? new Date(v).getTime() : null;
}
