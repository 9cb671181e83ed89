import { rm } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../kernel/db/index.ts';
import { rows } from '../../../kernel/db/index.ts';

/** Hours an uploaded file is kept when no import uses it (an abandoned wizard). */
export const unusedFileHours = 24;

/** No queued or running import still reads the file. */
const notInUse = sql`not exists (select 1 from imports i where i.workspace_id = f.workspace_id and i.file_id = f.id and i.status in ('queued', 'running'))`;

async function remove(db: Executor, list: { workspace_id: string; id: string; stored_as: string }[]) {
  for (const f of list) {
    // The row is marked first: a crash between the two leaves a file the next sweep does not know, never a row pointing at nothing.
    await db.execute(
      sql`update import_files set removed_at = now(), updated_at = now() where workspace_id = ${f.workspace_id} and id = ${f.id}`,
    );
    await rm(f.stored_as, { force: true });
  }
  return list.length;
}

/**
 * Deletes the stored copy of an upload once its import has ended (completed, failed, cancelled), unless
 * another queued or running import reads the same file. Imports call it when they end.
 */
export async function removeImportFile(db: Executor, workspaceId: string, fileId: string) {
  const list = await rows<{ workspace_id: string; id: string; stored_as: string }>(
    db,
    sql`select f.workspace_id, f.id, f.stored_as from import_files f
        where f.workspace_id = ${workspaceId} and f.id = ${fileId} and f.removed_at is null and ${notInUse}`,
  );
  return remove(db, list);
}

/**
 * The sweep (job imports.remove_files, hourly): files of ended imports (a crash may have skipped the
 * removal) and uploads older than a day that no import uses. Never a file a queued or running import reads.
 */
export async function removeStaleImportFiles(db: Executor, now = new Date()) {
  const cutoff = new Date(now.getTime() - unusedFileHours * 3_600_000).toISOString();
  const list = await rows<{ workspace_id: string; id: string; stored_as: string }>(
    db,
    sql`select f.workspace_id, f.id, f.stored_as from import_files f
        where f.removed_at is null and ${notInUse}
          and (f.created_at < ${cutoff}
               or exists (select 1 from imports i where i.workspace_id = f.workspace_id and i.file_id = f.id
                          and i.status not in ('queued', 'running')))
        order by f.created_at limit 1000`,
  );
  return { removed: await remove(db, list) };
}
