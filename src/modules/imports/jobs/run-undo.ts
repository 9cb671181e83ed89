import { and, eq, isNull, sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Actor, Ctx } from '../../../kernel/context.ts';
import type { Database } from '../../../kernel/db/index.ts';
import { inWorkspace, rows } from '../../../kernel/db/index.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { undoActivityChanges } from '../entities/activities/write-activity-batch.ts';
import { undoCompanyChanges } from '../entities/companies/undo-company-changes.ts';
import { undoContactChanges } from '../entities/contacts/undo-contact-changes.ts';
import { undoDealChanges } from '../entities/deals/undo-deal-changes.ts';
import { imports } from '../schema.ts';
import type { RunHooks } from './run-import.ts';

type Change = { recordId: string; action: string; before: Record<string, unknown> | null };
/** Who reverts changes to each record type (an import of contacts also creates companies). */
const undoers: Record<string, (ctx: Ctx, changes: Change[]) => Promise<number>> = {
  contact: undoContactChanges,
  company: undoCompanyChanges,
  activity: undoActivityChanges,
  deal: undoDealChanges,
};

/**
 * Reverts an import batch by batch (each batch one transaction that marks its changes undone), so a
 * rerun after a crash continues with what is left. Ends with the import `undone`.
 */
export async function runUndo(database: Database, workspaceId: string, importId: string, hooks: RunHooks, batchSize = 5000) {
  const db = database.db;
  const [imp] = await db
    .select()
    .from(imports)
    .where(inWorkspace(imports.workspaceId, { workspaceId }, eq(imports.id, importId)));
  if (imp?.status !== 'undoing') return { stopped: `import is ${imp?.status ?? 'gone'}` };
  const ctx: Ctx = { db, workspaceId, actor: imp.actor as unknown as Actor, requestId: `import-undo:${importId}` };
  let reverted = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const c = { ...ctx, db: tx };
      const list = await rows<{ entity_type: string; record_id: string; action: string; before: Record<string, unknown> | null }>(
        tx,
        sql`select entity_type, record_id, action, before from import_changes
            where workspace_id = ${workspaceId} and import_id = ${importId} and undone_at is null
            order by entity_type desc, record_id limit ${batchSize} for update`,
      );
      for (const type of new Set(list.map((l) => l.entity_type)))
        await undoers[type]!(
          c,
          list.filter((l) => l.entity_type === type).map((l) => ({ recordId: l.record_id, action: l.action, before: l.before })),
        );
      if (list.length)
        await tx.execute(sql`
          update import_changes set undone_at = now() where workspace_id = ${workspaceId} and import_id = ${importId}
            and (entity_type, record_id) in (select x.t, x.id from jsonb_to_recordset(${JSON.stringify(list.map((l) => ({ t: l.entity_type, id: l.record_id })))}::jsonb) as x(t text, id uuid))`);
      return list.length;
    });
    reverted += n;
    await hooks.progress({ reverted });
    if (n === 0) break;
    if (await hooks.cancelled()) return { stopped: 'cancelled', reverted };
  }
  return db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const now = new Date();
    await tx
      .update(imports)
      .set({ status: 'undone', undoneAt: now, updatedAt: now })
      .where(and(eq(imports.id, importId), eq(imports.status, 'undoing'), isNull(imports.undoneAt)));
    await recordAudit(c, { action: 'import.undone', entityType: 'import', entityId: importId, after: { reverted } });
    await emitEvent(c, { type: 'import.undone', entityType: 'import', entityId: importId, data: { entity: imp.entity, reverted } });
    return { status: 'undone', reverted };
  });
}
