import { createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/db/columns.ts';
import { AppError } from '../../../kernel/errors.ts';
import { importsDir } from '../import-files.ts';
import { detectFormat, looksLikeHeader } from '../parse/detect-format.ts';
import { cleanHeaders, sampleFile } from '../parse/read-records.ts';
import { importFiles } from '../schema.ts';

export const maxImportBytes = 2 * 1024 ** 3;
const maxCell = 1000;

export interface ImportFileView {
  id: string;
  name: string;
  size: number;
  encoding: string;
  delimiter: string;
  hasHeader: boolean;
  headers: string[];
  sampleRows: string[][];
}

/**
 * Streams an upload to disk (never whole in memory, at most 2 GB), detects its encoding, delimiter
 * and header row, and keeps the headers and first 20 rows. Empty or binary files are refused and removed.
 */
export async function uploadImportFile(ctx: Ctx, dataDir: string, name: string, body: NodeJS.ReadableStream): Promise<ImportFileView> {
  const id = newId();
  const target = path.join(importsDir(dataDir), ctx.workspaceId, id);
  await mkdir(path.dirname(target), { recursive: true });
  let size = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _e, done) {
      size += chunk.length;
      if (size > maxImportBytes)
        return done(
          new AppError('payload_too_large', 'Files up to 2 GB can be imported; split the file and import the parts.', { path: ['body'] }),
        );
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, limit, createWriteStream(target));
    const { format } = await detectFormat(target);
    const sample = await sampleFile(target, format, 21);
    format.hasHeader = looksLikeHeader(sample[0] ?? []);
    // With a header, its cells are the columns (longer rows are reported); without, the widest sample row.
    const headers = format.hasHeader ? cleanHeaders(sample[0] ?? [], 0) : cleanHeaders([], Math.max(0, ...sample.map((r) => r.length)));
    const data = (format.hasHeader ? sample.slice(1) : sample)
      .slice(0, 20)
      .map((r) => r.map((c) => (c.length > maxCell ? `${c.slice(0, maxCell)}…` : c)));
    const file = {
      id,
      workspaceId: ctx.workspaceId,
      name: name.slice(0, 300),
      storedAs: target,
      size: (await stat(target)).size,
      encoding: format.bomLength ? `${format.encoding}+${format.bomLength}` : format.encoding,
      delimiter: format.delimiter,
      hasHeader: format.hasHeader,
      headers,
      sampleRows: data,
      createdBy: ctx.actor.userId ?? ctx.actor.id,
    };
    await ctx.db.insert(importFiles).values(file);
    return toFileView(file);
  } catch (err) {
    await rm(target, { force: true });
    throw err;
  }
}

/** The file as the API shows it (the stored encoding carries the BOM length after a "+"). */
export const toFileView = (f: ImportFileView): ImportFileView => ({
  id: f.id,
  name: f.name,
  size: f.size,
  encoding: f.encoding.split('+')[0]!,
  delimiter: f.delimiter,
  hasHeader: f.hasHeader,
  headers: f.headers,
  sampleRows: f.sampleRows,
});
