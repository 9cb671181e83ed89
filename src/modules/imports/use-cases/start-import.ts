import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/db/columns.ts';
import { AppError } from '../../../kernel/errors.ts';
import { enqueue } from '../../../kernel/jobs/index.ts';
import type { ImportKey, ImportMode } from '../entities/entity.ts';
import { importEntity } from '../entities/registry.ts';
import { loadImportFile } from '../import-files.ts';
import { runImportJob } from '../jobs/import-jobs.ts';
import type { Mapping } from '../mapping/auto-map.ts';
import { compileMapping } from '../mapping/map-row.ts';
import { requirePermission } from '../permissions.ts';
import { toImportView } from '../queries/get-import.ts';
import { imports } from '../schema.ts';
import { saveMapping } from './save-mapping.ts';

export interface StartImportInput {
  fileId: string;
  entity: string;
  mode: ImportMode;
  key: ImportKey;
  mapping: Mapping;
  duplicatesInFile: 'merge' | 'report';
  saveMappingAs?: string;
  batchSize?: number;
}

/** Checks the mapping and settings, records the import and queues its job (one transaction). */
export async function startImport(ctx: Ctx, input: StartImportInput) {
  const entity = importEntity(input.entity);
  requirePermission(ctx, entity.permission);
  if (!entity.keys.includes(input.key))
    throw new AppError('validation_failed', `Import ${entity.name} by ${entity.keys.join(' or ')}, not by ${input.key}.`, {
      path: ['body', 'key'],
    });
  const file = await loadImportFile(ctx, input.fileId);
  const compiled = compileMapping(file.headers, input.mapping, await entity.fields(ctx));
  if (!compiled.columnOf.has(input.key === 'domain' ? 'domain' : input.key) && input.mode !== 'create')
    throw new AppError('validation_failed', `Map a column to ${input.key}: ${input.mode} finds existing ${entity.name} by it.`, {
      path: ['body', 'mapping'],
    });
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const id = newId();
    if (input.saveMappingAs) await saveMapping(c, { name: input.saveMappingAs, entity: entity.name, mapping: input.mapping });
    const jobId = await enqueue(
      tx,
      runImportJob,
      { workspaceId: ctx.workspaceId, importId: id, batchSize: input.batchSize ?? 5000 },
      {
        workspaceId: ctx.workspaceId,
        idempotencyKey: `import:${id}`,
      },
    );
    const [row] = await tx
      .insert(imports)
      .values({
        id,
        workspaceId: ctx.workspaceId,
        fileId: file.id,
        fileName: file.name,
        entity: entity.name,
        mode: input.mode,
        key: input.key,
        mapping: input.mapping,
        duplicatesInFile: input.duplicatesInFile,
        totalBytes: file.size,
        jobId,
        actor: ctx.actor as unknown as Record<string, unknown>,
        createdBy: ctx.actor.userId ?? ctx.actor.id,
      })
      .returning();
    await recordAudit(c, {
      action: 'import.started',
      entityType: 'import',
      entityId: id,
      after: { entity: entity.name, file: file.name, mode: input.mode, key: input.key },
    });
    return toImportView(row!);
  });
}
