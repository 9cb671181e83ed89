import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import { type Ctx, systemActor } from '../../kernel/context.ts';
import { rows } from '../../kernel/db/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { parseListQuery } from '../../modules/companies/index.ts';
import { type ExportEntity, exportEntities, exportRecordsCsv, importWorkspace, writeWorkspaceZip } from '../../modules/exports/index.ts';
import type { Platform } from '../platform.ts';
import { findWorkspace, withPlatform } from './admin-commands.ts';
import { progress } from './progress.ts';
import { runCommand } from './run-command.ts';

/** The workspace named by --workspace, or the only one there is. */
async function pickWorkspace(p: Platform, ref: string | undefined) {
  if (ref) return findWorkspace(p, ref);
  const all = await rows<{ id: string; name: string }>(p.database.db, sql`select id, name from workspaces order by created_at limit 2`);
  if (all.length === 1) return all[0]!;
  throw new AppError('validation_failed', 'Name the workspace with --workspace <id or name> (tandem workspace list shows them).');
}

/** Writes to stdout, ending quietly when the reader goes away (`| head`). */
async function toStdout(stream: NodeJS.ReadableStream) {
  await pipeline(stream, process.stdout as Writable).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_PREMATURE_CLOSE') throw err;
  });
}

export function exportCommands(program: Command) {
  program
    .command('export <entity>')
    .description(
      `write ${exportEntities.join(', ')} as CSV to stdout (progress on stderr): tandem export contacts --filter '{…}' > out.csv`,
    )
    .option('--workspace <ref>', 'workspace id or name (default: the only workspace)')
    .option('--filter <json>', 'a filter AST as JSON (docs/filters.md)')
    .option('--sort <keys>', 'sort keys, e.g. "last_name,-created_at"')
    .option('--columns <keys>', 'columns in order, comma-separated (default: all, custom fields last)')
    .option('--view <id>', 'a saved or built-in view whose filter, sort and columns to use')
    .option('--headers <style>', 'header row: labels or keys', 'labels')
    .action((entity: string, opts, cmd) =>
      runCommand(() =>
        withPlatform(cmd, async (p) => {
          if (!(exportEntities as readonly string[]).includes(entity))
            throw new AppError('validation_failed', `Cannot export "${entity}"; choose one of ${exportEntities.join(', ')}.`);
          if (opts.headers !== 'labels' && opts.headers !== 'keys') throw new AppError('validation_failed', '--headers is labels or keys.');
          const ws = await pickWorkspace(p, opts.workspace);
          const ctx: Ctx = { db: p.database.db, workspaceId: ws.id, actor: systemActor('CLI') };
          const q = parseListQuery({ filter: opts.filter, sort: opts.sort, columns: opts.columns, limit: 1 });
          const bar = progress(`Exporting ${entity}`);
          const prepared = await exportRecordsCsv(ctx, entity as ExportEntity, {
            ...q,
            viewId: opts.view,
            headers: opts.headers,
            onProgress: (n) => bar.update(n),
          });
          const total = await prepared.count();
          bar.update(0, total);
          await toStdout(prepared.stream());
          bar.stop(`Exported ${total} ${entity} from ${ws.name}.`);
        }),
      ),
    );

  program
    .command('export-workspace')
    .description('write a whole workspace (every record, custom fields, members without secrets) as a zip of CSVs + manifest.json')
    .option('--workspace <ref>', 'workspace id or name (default: the only workspace)')
    .requiredOption('--out <file>', 'the zip to write ("-" for stdout)')
    .action((opts, cmd) =>
      runCommand(() =>
        withPlatform(cmd, async (p) => {
          const ws = await pickWorkspace(p, opts.workspace);
          const bar = progress(`Exporting ${ws.name}`);
          const onProgress = (pr: { rows: number; totalRows: number; file: string }) => bar.update(pr.rows, pr.totalRows, pr.file);
          if (opts.out === '-') {
            const manifest = await writeWorkspaceZip(p.database.db, ws.id, process.stdout as Writable, { onProgress });
            bar.stop(`Exported ${manifest.files.length} files.`);
            return;
          }
          const part = `${opts.out}.part`;
          try {
            const manifest = await writeWorkspaceZip(p.database.db, ws.id, createWriteStream(part), { onProgress });
            await rename(part, opts.out);
            const total = manifest.files.filter((f) => f.table).reduce((n, f) => n + f.rows, 0);
            bar.stop(`Wrote ${opts.out}: ${total} rows in ${manifest.files.length} files.`);
          } catch (err) {
            await rm(part, { force: true });
            throw err;
          }
        }),
      ),
    );

  program
    .command('import-workspace <file>')
    .description('load a workspace export into an empty workspace, or a new one of that name (new ids, associations kept)')
    .requiredOption('--workspace <ref>', 'an empty workspace (id or name), or the name of a new one')
    .action((file: string, opts, cmd) =>
      runCommand(() =>
        withPlatform(cmd, async (p) => {
          const bar = progress('Importing');
          const result = await importWorkspace(p.database.db, {
            file,
            workspace: opts.workspace,
            onProgress: (pr) => bar.update(pr.rows, pr.totalRows, pr.file),
          });
          const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
          bar.stop(
            `${result.createdWorkspace ? 'Created' : 'Filled'} workspace ${result.name} (${result.workspaceId}) with ${total} rows.`,
          );
          if (result.usersCreated.length)
            process.stderr.write(`New users (set their passwords with tandem user reset-password): ${result.usersCreated.join(', ')}\n`);
        }),
      ),
    );
}
