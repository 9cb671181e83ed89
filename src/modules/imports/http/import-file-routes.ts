import { z } from 'zod';
import type { App, AppDeps } from '../../../kernel/http/index.ts';
import { importEntity } from '../entities/registry.ts';
import { previewImport } from '../use-cases/preview-import.ts';
import { maxImportBytes, uploadImportFile } from '../use-cases/upload-import-file.ts';
import { entityParams, fieldSchema, fileSchema, idParams, previewBody, previewSchema, uploadQuery } from './imports.types.ts';

const tags = ['imports'];
const rawTypes = ['text/csv', 'application/octet-stream', 'text/tab-separated-values', 'text/plain', 'application/vnd.ms-excel'];

/** POST /api/import-files (raw bytes, streamed to disk), GET /api/import-fields/:entity, POST /api/import-files/:id/preview. */
export async function importFileRoutes(app: App, deps: AppDeps) {
  // The body stays a stream: the route writes it to disk as it arrives.
  app.addContentTypeParser(rawTypes, (_req, _payload, done) => done(null, undefined));

  app.post(
    '/api/import-files',
    {
      bodyLimit: maxImportBytes,
      config: { permission: 'imports:write' },
      schema: {
        tags,
        summary: 'Upload a CSV/TSV file (raw bytes, up to 2 GB) and detect its format',
        querystring: uploadQuery,
        response: { 201: z.object({ file: fileSchema }) },
      },
    },
    async (req, reply) => {
      const file = await uploadImportFile(req.ctx, deps.config.dataDir, req.query.name, req.raw);
      return reply.status(201).send({ file });
    },
  );

  app.get(
    '/api/import-fields/:entity',
    {
      config: { permission: 'imports:read' },
      schema: {
        tags,
        summary: 'The fields columns can map to, custom fields included',
        params: entityParams,
        response: { 200: z.object({ fields: z.array(fieldSchema) }) },
      },
    },
    async (req) => ({
      fields: (await importEntity(req.params.entity).fields(req.ctx)).map(({ key, label, type, required, custom }) => ({
        key,
        label,
        type,
        required,
        custom,
      })),
    }),
  );

  app.post(
    '/api/import-files/:id/preview',
    {
      config: { permission: 'imports:write' },
      schema: {
        tags,
        summary: 'The first 20 rows as they will be stored, with their problems',
        params: idParams,
        body: previewBody,
        response: { 200: previewSchema },
      },
    },
    async (req) => previewImport(req.ctx, req.params.id, req.body),
  );
}
