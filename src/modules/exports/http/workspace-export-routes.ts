import { createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { z } from 'zod';
import { AppError } from '../../../kernel/errors.ts';
import type { App, AppDeps } from '../../../kernel/http/index.ts';
import { getWorkspaceExportRow, listWorkspaceExports, toWorkspaceExport } from '../queries/get-workspace-export.ts';
import { startWorkspaceExport } from '../use-cases/start-workspace-export.ts';
import { exportsDir } from '../workspace/exports-dir.ts';
import { workspaceExportParams, workspaceExportSchema } from './workspace-export.types.ts';

const tags = ['workspace exports'];
const config = { permission: 'workspace:export' };

/** POST/GET /api/workspace-exports, GET /api/workspace-exports/:id and …/:id/download. */
export async function workspaceExportRoutes(app: App, deps: AppDeps) {
  app.post(
    '/api/workspace-exports',
    {
      config,
      schema: {
        tags,
        summary: 'Export the whole workspace as a zip of CSV files with a manifest (runs as a job)',
        response: { 202: workspaceExportSchema },
      },
    },
    async (req, reply) => {
      const started = await startWorkspaceExport(req.ctx, exportsDir(deps.config.dataDir));
      deps.pokeWorker?.();
      return reply.status(202).send(started);
    },
  );

  app.get(
    '/api/workspace-exports',
    {
      config,
      schema: { tags, summary: 'The latest workspace exports', response: { 200: z.object({ items: z.array(workspaceExportSchema) }) } },
    },
    async (req) => ({ items: await listWorkspaceExports(req.ctx) }),
  );

  app.get(
    '/api/workspace-exports/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Status and progress of a workspace export',
        params: workspaceExportParams,
        response: { 200: workspaceExportSchema },
      },
    },
    async (req) => toWorkspaceExport(await getWorkspaceExportRow(req.ctx, req.params.id)),
  );

  app.get(
    '/api/workspace-exports/:id/download',
    { config, schema: { tags, summary: 'Download a completed workspace export (application/zip)', params: workspaceExportParams } },
    async (req, reply) => {
      const row = await getWorkspaceExportRow(req.ctx, req.params.id);
      if (row.status !== 'completed')
        throw new AppError('workspace_export_not_ready', `This export is ${row.status}; download it once it has completed.`, {
          id: row.id,
        });
      const gone =
        row.expiresAt <= new Date() ||
        !(await access(row.filePath).then(
          () => true,
          () => false,
        ));
      if (gone) throw new AppError('workspace_export_expired', 'This export’s file is no longer kept; start a new export.', { id: row.id });
      const day = row.createdAt.toISOString().slice(0, 10);
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="workspace-export-${day}.zip"`)
        .header('content-length', String(row.bytes))
        .header('cache-control', 'no-store')
        .send(createReadStream(row.filePath));
    },
  );
}
