import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import { rows } from '../../kernel/db/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { autoMap, findMapping, getImport, importEntity, runImport, startImport, uploadImportFile } from '../../modules/imports/index.ts';
import { openPlatform } from '../platform.ts';
import { progress } from './progress.ts';
import { configFrom, runCommand } from './run-command.ts';

/** `tandem import contacts FILE --mode upsert --key email [--mapping NAME] [--workspace W] [--as EMAIL]`: runs the import job in this process with a progress bar. */
export function importCommand(program: Command) {
  program
    .command('import <entity> <file>')
    .description('import contacts (or companies) from a CSV/TSV file, as a resumable job with a progress bar')
    .option('--mode <mode>', 'create|update|upsert', 'upsert')
    .option('--key <key>', 'email|domain|external_id', 'email')
    .option('--mapping <name>', 'a saved mapping (else columns are mapped automatically)')
    .option('--duplicates <how>', 'merge|report rows with the same key', 'merge')
    .option('--workspace <id-or-name>', 'workspace (default: the only one)')
    .option('--as <email>', 'the member the import acts as (default: the first admin)')
    .option('--batch-size <n>', 'rows per transaction', '5000')
    .action((entity, file, opts, cmd) =>
      runCommand(async () => {
        const p = await openPlatform(configFrom(cmd.optsWithGlobals()));
        try {
          const ctx = await actingMember(p.database.db, opts.workspace, opts.as);
          const e = importEntity(entity);
          const uploaded = await uploadImportFile(ctx, p.config.dataDir, basename(file), createReadStream(file));
          const mapping = opts.mapping
            ? (await findMapping(ctx, e.name, opts.mapping)).mapping
            : autoMap(uploaded.headers, e.name, await e.fields(ctx));
          const mapped = Object.entries(mapping).filter(([, k]) => k);
          process.stderr.write(`Mapping: ${mapped.map(([c, k]) => `${c} → ${k}`).join(', ') || 'nothing mapped'}\n`);
          const imp = await startImport(ctx, {
            fileId: uploaded.id,
            entity: e.name,
            mode: opts.mode,
            key: opts.key,
            mapping,
            duplicatesInFile: opts.duplicates,
          });
          // Run it here rather than waiting for a worker; the queued job finds it completed and does nothing.
          const bar = progress('import', uploaded.size);
          await runImport(
            p.database,
            ctx.workspaceId,
            imp.id,
            {
              progress: async (v) => bar.update(Number(v.bytesRead), undefined, `${v.processedRows} rows, ${v.rowsPerSecond} rows/s`),
              cancelled: async () => false,
            },
            Number(opts.batchSize),
          );
          const done = await getImport(ctx, imp.id);
          bar.stop(
            `Import ${done.id} ${done.status}: ${done.counts.created} created, ${done.counts.updated} updated, ${done.counts.skipped} skipped, ${done.counts.failed} failed.`,
          );
          if (done.counts.failed || done.counts.skipped) process.stderr.write(`Error report: GET /api/imports/${done.id}/errors.csv\n`);
        } finally {
          await p.close();
        }
      }),
    );
}

async function actingMember(db: Ctx['db'], workspace: string | undefined, email: string | undefined): Promise<Ctx> {
  const list = await rows<{ workspace_id: string; user_id: string; email: string; role: string }>(
    db,
    sql`select m.workspace_id, u.id as user_id, u.email, m.role from memberships m join users u on u.id = m.user_id join workspaces w on w.id = m.workspace_id
        where (${workspace ?? null}::text is null or w.id::text = ${workspace ?? ''} or lower(w.name) = lower(${workspace ?? ''}))
          and (${email ?? null}::text is null or lower(u.email) = lower(${email ?? ''}))
        order by (m.role = 'admin') desc, m.created_at`,
  );
  const workspaces = new Set(list.map((m) => m.workspace_id));
  if (!list.length) throw new AppError('not_found', 'No such workspace or member. List workspaces with: tandem workspace list');
  if (workspaces.size > 1) throw new AppError('validation_failed', 'There are several workspaces; name one with --workspace.');
  const m = list[0]!;
  return {
    db,
    workspaceId: m.workspace_id,
    actor: { type: 'user', id: m.user_id, userId: m.user_id, label: m.email, role: m.role as Ctx['actor']['role'] },
  };
}
