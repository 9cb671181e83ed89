import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { inWorkspace } from '../../kernel/db/index.ts';
import { AppError, notFound } from '../../kernel/errors.ts';
import type { FileFormat } from './parse/detect-format.ts';
import { importFiles } from './schema.ts';

/** Where uploaded files live: <data dir>/imports/<workspace>/<file id>. */
export const importsDir = (dataDir: string) => path.resolve(dataDir === ':memory:' ? './data' : dataDir, 'imports');

export type ImportFileRow = typeof importFiles.$inferSelect;

export async function loadImportFile(ctx: Ctx, id: string): Promise<ImportFileRow> {
  const [row] = await ctx.db
    .select()
    .from(importFiles)
    .where(and(inWorkspace(importFiles.workspaceId, ctx, eq(importFiles.id, id))));
  if (!row) throw notFound('import_file', id);
  if (row.removedAt)
    throw new AppError(
      'import_file_removed',
      `The uploaded file "${row.name}" was deleted after its import ended (or a day after upload, unused); upload it again.`,
      { id, path: ['body', 'fileId'] },
    );
  return row;
}

export const formatOf = (f: ImportFileRow): FileFormat => {
  const [encoding, bom] = f.encoding.split('+') as [FileFormat['encoding'], string | undefined];
  return { encoding, bomLength: Number(bom ?? 0), delimiter: f.delimiter, hasHeader: f.hasHeader };
};
