import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { type Ctx, systemActor } from '../../../kernel/context.ts';
import { type Executor, rows } from '../../../kernel/db/index.ts';
import { AppError } from '../../../kernel/errors.ts';
import { type CustomEntityType, syncFieldIndex } from '../../custom-fields/index.ts';
import { createUser, createWorkspace } from '../../identity/index.ts';
import { mapId, uuidPattern } from '../workspace/map-id.ts';
import { readWorkspaceZip, type WorkspaceZip } from '../workspace/read-workspace-zip.ts';
import { membersFile, type TableSpec, workspaceTables } from '../workspace/tables.ts';

export interface ImportWorkspaceInput {
  /** Path of the zip written by `tandem export-workspace` or Settings → Export. */
  file: string;
  /** Id or name of an empty workspace, or the name of a new one. */
  workspace: string;
  onProgress?(p: { rows: number; totalRows: number; file: string }): void;
  batchSize?: number;
}

export interface ImportWorkspaceResult {
  workspaceId: string;
  name: string;
  createdWorkspace: boolean;
  rows: Record<string, number>;
  /** Members new to this instance: created with a random password, to be reset (`tandem user reset-password`). */
  usersCreated: string[];
}

/** Tables whose rows make a workspace non-empty. */
const contentTables = ['companies', 'contacts', 'activities', 'tasks', 'custom_field_definitions', 'saved_views', 'teams'];

/**
 * Loads a workspace export into an empty workspace (or a new one) in one transaction: every record gets a new id,
 * mapped consistently so associations hold; members are found by email (or created); a damaged file, a checksum
 * mismatch or a non-empty target leaves nothing written.
 */
export async function importWorkspace(db: Executor, input: ImportWorkspaceInput): Promise<ImportWorkspaceResult> {
  const zip = await readWorkspaceZip(input.file);
  try {
    const members: { user_id: string; email: string; name: string; role: string }[] = [];
    for await (const r of zip.records(membersFile)) members.push(r as (typeof members)[number]);
    return await db.transaction(async (tx) => {
      const target = await resolveTarget(tx, input.workspace, zip, members);
      const userMap = await mapMembers(tx, target.id, members, target.usersCreated);
      const totalRows = zip.manifest.files.filter((f) => f.table).reduce((n, f) => n + f.rows, 0);
      const counts: Record<string, number> = {};
      let done = 0;
      for (const spec of workspaceTables) {
        const file = `${spec.table}.csv`;
        if (!zip.manifest.files.some((f) => f.name === file)) continue;
        counts[spec.table] = await loadTable(tx, zip, spec, file, target.id, userMap, input.batchSize ?? 500, (n) => {
          done += n;
          input.onProgress?.({ rows: done, totalRows, file });
        });
      }
      const indexed = await rows<{ entity_type: CustomEntityType; key: string }>(
        tx,
        sql`select entity_type, key from custom_field_definitions where workspace_id = ${target.id} and indexed and archived_at is null`,
      );
      for (const f of indexed) await syncFieldIndex(tx, f.entity_type, f.key);
      const ctx: Ctx = { db: tx, workspaceId: target.id, actor: systemActor('import-workspace') };
      await recordAudit(ctx, {
        action: 'workspace.imported',
        entityType: 'workspace',
        entityId: target.id,
        after: { from: zip.manifest.workspace, exportedAt: zip.manifest.exportedAt, rows: counts },
      });
      return {
        workspaceId: target.id,
        name: target.name,
        createdWorkspace: target.created,
        rows: counts,
        usersCreated: target.usersCreated,
      };
    });
  } finally {
    zip.close();
  }
}

async function resolveTarget(tx: Executor, ref: string, zip: WorkspaceZip, members: { user_id: string; email: string; role: string }[]) {
  const usersCreated: string[] = [];
  const [found] = await rows<{ id: string; name: string }>(
    tx,
    sql`select id, name from workspaces where id::text = ${ref} or lower(name) = lower(${ref}) order by created_at limit 1`,
  );
  if (found) {
    const counts = await Promise.all(
      contentTables.map(async (t) => (await rows(tx, sql`select 1 from ${sql.raw(t)} where workspace_id = ${found.id} limit 1`)).length),
    );
    const nonEmpty = contentTables.filter((_, i) => counts[i]);
    if (nonEmpty.length)
      throw new AppError(
        'workspace_not_empty',
        `Workspace "${found.name}" already has ${nonEmpty.join(', ')}; import into a new or empty workspace (give a new name to create one).`,
        { workspaceId: found.id, tables: nonEmpty },
      );
    return { ...found, created: false, usersCreated };
  }
  const owner = members.find((m) => m.role === 'admin');
  if (!owner) throw new AppError('workspace_file_invalid', 'The export has no admin member to own the new workspace.');
  const ownerId = await findOrCreateUser(tx, owner as { email: string; name?: string }, usersCreated);
  const src = zip.manifest.workspace;
  const ws = await createWorkspace(tx, { name: ref, timezone: src.timezone, currency: src.currency, ownerUserId: ownerId });
  await tx.execute(sql`update workspaces set settings = ${JSON.stringify(src.settings ?? {})}::jsonb where id = ${ws.id}`);
  return { id: ws.id, name: ws.name, created: true, usersCreated };
}

async function findOrCreateUser(tx: Executor, m: { email: string; name?: string }, created: string[]): Promise<string> {
  const [u] = await rows<{ id: string }>(tx, sql`select id from users where lower(email) = lower(${m.email})`);
  if (u) return u.id;
  const user = await createUser(tx, { email: m.email, name: m.name ?? m.email, password: randomBytes(24).toString('base64url') });
  created.push(user.email);
  return user.id;
}

/** Old user id → this instance's user (found or created by email), each made a member with its exported role. */
async function mapMembers(
  tx: Executor,
  workspaceId: string,
  members: { user_id: string; email: string; name: string; role: string }[],
  created: string[],
) {
  const map = new Map<string, string>();
  for (const m of members) {
    const id = await findOrCreateUser(tx, m, created);
    map.set(m.user_id, id);
    await tx.execute(
      sql`insert into memberships (workspace_id, user_id, role) values (${workspaceId}, ${id}, ${m.role}) on conflict do nothing`,
    );
  }
  return map;
}

async function loadTable(
  tx: Executor,
  zip: WorkspaceZip,
  spec: TableSpec,
  file: string,
  workspaceId: string,
  users: Map<string, string>,
  batchSize: number,
  onBatch: (n: number) => void,
): Promise<number> {
  const types = new Map(
    (
      await rows<{ name: string; type: string }>(
        tx,
        sql`select column_name as name, udt_name as type from information_schema.columns where table_schema = current_schema() and table_name = ${spec.table}`,
      )
    ).map((c) => [c.name, c.type]),
  );
  const remapJson = (v: unknown) => JSON.parse(JSON.stringify(v).replace(uuidPattern, (u) => users.get(u) ?? mapId(u, workspaceId)));
  const convert = (col: string, v: string | null): unknown => {
    if (v === null) return null;
    if (spec.ids.includes(col)) return mapId(v, workspaceId);
    if (spec.users?.includes(col)) return users.get(v) ?? null;
    if (spec.actors?.includes(col)) return users.get(v) ?? v;
    const type = types.get(col)!;
    if (type.startsWith('_') || type === 'json' || type === 'jsonb') {
      const parsed = JSON.parse(v);
      return spec.jsonWithIds?.includes(col) ? remapJson(parsed) : parsed;
    }
    return v;
  };
  let batch: Record<string, unknown>[] = [];
  let columns: string[] | null = null;
  let total = 0;
  const flush = async () => {
    if (!batch.length || !columns) return;
    const list = sql.raw([...columns, 'workspace_id'].map((c) => `"${c}"`).join(', '));
    await tx.execute(
      sql`insert into ${sql.raw(spec.table)} (${list}) select ${list} from json_populate_recordset(null::${sql.raw(spec.table)}, ${JSON.stringify(batch)}::json)`,
    );
    onBatch(batch.length);
    total += batch.length;
    batch = [];
  };
  for await (const record of zip.records(file)) {
    // Columns this version does not have (an export from a newer minor version) are left out.
    columns ??= Object.keys(record).filter((c) => types.has(c) && c !== 'workspace_id');
    const row: Record<string, unknown> = { workspace_id: workspaceId };
    for (const c of columns) row[c] = convert(c, record[c] ?? null);
    batch.push(row);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  return total;
}
