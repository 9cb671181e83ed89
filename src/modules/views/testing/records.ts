import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../kernel/db/index.ts';
import type { Caller } from '../../../kernel/testing/index.ts';

/** Inserts `n` plain contacts by SQL (fast, for large selections); returns their ids in id order. */
export async function insertContacts(db: Executor, workspaceId: string, n: number, opts: { ownerId?: string; tag?: string } = {}) {
  const inserted = await rows<{ id: string }>(
    db,
    sql`insert into contacts (id, workspace_id, display_name, owner_id, tags, lifecycle_stage)
        select gen_random_uuid(), ${workspaceId}, 'Bulk ' || g, ${opts.ownerId ?? null}, ${sql.param(opts.tag ? [opts.tag] : [])}::text[], 'lead'
        from generate_series(1, ${n}) g returning id`,
  );
  return inserted.map((r) => r.id).sort();
}

/** Creates a contact through the API and returns its id. */
export async function newContact(member: { api: Caller }, body: Record<string, unknown>): Promise<string> {
  const res = await member.api.post('/api/contacts', body);
  if (res.statusCode !== 201) throw new Error(`contact not created: ${res.body}`);
  return res.json().id;
}

/** One contact row as stored (deleted ones too). */
export async function contactRow(db: Executor, id: string) {
  const [row] = await rows<{ owner_id: string | null; tags: string[]; lifecycle_stage: string | null; deleted: boolean }>(
    db,
    sql`select owner_id, tags, lifecycle_stage, deleted_at is not null as deleted from contacts where id = ${id}`,
  );
  return row;
}

/** The audit entries and outbox events an operation left. */
export async function traces(db: Executor, operationId: string) {
  const audit = await rows<{ action: string; after: Record<string, unknown> }>(
    db,
    sql`select action, after from audit_log where entity_id = ${operationId} order by created_at`,
  );
  const events = await rows<{ type: string; data: Record<string, unknown> }>(
    db,
    sql`select type, data from outbox_events where entity_id = ${operationId} order by created_at`,
  );
  return { audit, events };
}
