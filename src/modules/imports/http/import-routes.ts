import { z } from 'zod';
import type { App, AppDeps } from '../../../kernel/http/index.ts';
import { pageOf, pageQuery } from '../../../kernel/http/pagination.ts';
import { getImport, listImports, loadImport } from '../queries/get-import.ts';
import { streamErrorReport } from '../queries/stream-error-report.ts';
import { cancelImport } from '../use-cases/cancel-import.ts';
import { deleteMapping, listMappings, saveMapping } from '../use-cases/save-mapping.ts';
import { startImport } from '../use-cases/start-import.ts';
import { undoImport } from '../use-cases/undo-import.ts';
import { idParams, importSchema, mappingQuery, mappingViewSchema, saveMappingBody, startBody } from './imports.types.ts';

const tags = ['imports'];
const one = z.object({ import: importSchema });

/** Imports (start, history, status, cancel, undo, error report) and saved mappings. */
export async function importRoutes(app: App, deps: AppDeps) {
  app.post(
    '/api/imports',
    {
      config: { permission: 'imports:write' },
      schema: { tags, summary: 'Start an import (runs as a job)', body: startBody, response: { 202: one } },
    },
    async (req, reply) => {
      const imp = await startImport(req.ctx, req.body);
      deps.pokeWorker?.();
      return reply.status(202).send({ import: imp });
    },
  );
  app.get(
    '/api/imports',
    {
      config: { permission: 'imports:read' },
      schema: { tags, summary: 'Import history, newest first', querystring: pageQuery, response: { 200: pageOf(importSchema) } },
    },
    async (req) => listImports(req.ctx, req.query),
  );
  app.get(
    '/api/imports/:id',
    {
      config: { permission: 'imports:read' },
      schema: { tags, summary: 'An import with its progress and counts', params: idParams, response: { 200: one } },
    },
    async (req) => ({ import: await getImport(req.ctx, req.params.id) }),
  );
  app.post(
    '/api/imports/:id/cancel',
    {
      config: { permission: 'imports:write' },
      schema: { tags, summary: 'Stop an import between batches', params: idParams, response: { 200: one } },
    },
    async (req) => ({ import: await cancelImport(req.ctx, req.params.id) }),
  );
  app.post(
    '/api/imports/:id/undo',
    {
      config: { permission: 'imports:write' },
      schema: { tags, summary: 'Undo an import within 7 days (runs as a job)', params: idParams, response: { 202: one } },
    },
    async (req, reply) => {
      const imp = await undoImport(req.ctx, req.params.id);
      deps.pokeWorker?.();
      return reply.status(202).send({ import: imp });
    },
  );
  app.get(
    '/api/imports/:id/errors.csv',
    {
      config: { permission: 'imports:read' },
      schema: { tags, summary: 'The error report: row, column, field, value, problem (CSV, streamed)', params: idParams },
    },
    async (req, reply) => {
      const imp = await loadImport(req.ctx, req.params.id);
      const name = `${imp.fileName.replace(/\.[^.]*$/, '').replace(/[^\w.-]+/g, '_')}-errors.csv`;
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}"`)
        .send(streamErrorReport(req.ctx, imp.id));
    },
  );
  app.get(
    '/api/import-mappings',
    {
      config: { permission: 'imports:read' },
      schema: {
        tags,
        summary: 'Saved mappings',
        querystring: mappingQuery,
        response: { 200: z.object({ items: z.array(mappingViewSchema) }) },
      },
    },
    async (req) => ({ items: await listMappings(req.ctx, req.query.entity) }),
  );
  app.post(
    '/api/import-mappings',
    {
      config: { permission: 'imports:write' },
      schema: {
        tags,
        summary: 'Save a mapping by name (replaces one of the same name)',
        body: saveMappingBody,
        response: { 201: mappingViewSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await saveMapping(req.ctx, req.body)),
  );
  app.delete(
    '/api/import-mappings/:id',
    {
      config: { permission: 'imports:write' },
      schema: { tags, summary: 'Delete a saved mapping', params: idParams, response: { 200: z.object({ ok: z.literal(true) }) } },
    },
    async (req) => {
      await deleteMapping(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
}
