import type { Ctx } from '../../../kernel/context.ts';
import type { App, AppDeps } from '../../../kernel/http/index.ts';
import type { EntityType } from '../entities.ts';
import { getBulkOperation } from '../queries/get-bulk-operation.ts';
import { cancelBulkAction } from '../use-cases/cancel-bulk-action.ts';
import { type BulkInput, startBulkAction } from '../use-cases/start-bulk-action.ts';
import { undoBulkAction } from '../use-cases/undo-bulk-action.ts';
import { bulkIdParams, bulkOperationSchema, companyBulkBody, contactBulkBody } from './bulk.types.ts';

const tags = ['bulk'];
const responses = { 200: bulkOperationSchema, 202: bulkOperationSchema };
const summary =
  'Change owner, add or remove tags, set the lifecycle stage or delete many records; up to 1,000 at once (200), more as a job (202)';

/** POST /api/bulk/contacts|companies, GET /api/bulk/:id, POST /api/bulk/:id/undo and /cancel. */
export async function bulkRoutes(app: App, deps: AppDeps) {
  const start = async (ctx: Ctx, entityType: EntityType, body: BulkInput) => {
    const started = await startBulkAction(ctx, entityType, body);
    if (started.queued) deps.pokeWorker?.();
    return started;
  };

  app.post(
    '/api/bulk/contacts',
    { config: { permission: 'contacts:write' }, schema: { tags, summary, body: contactBulkBody, response: responses } },
    async (req, reply) => {
      const { operation, queued } = await start(req.ctx, 'contact', req.body);
      return reply.status(queued ? 202 : 200).send(operation);
    },
  );

  app.post(
    '/api/bulk/companies',
    { config: { permission: 'companies:write' }, schema: { tags, summary, body: companyBulkBody, response: responses } },
    async (req, reply) => {
      const { operation, queued } = await start(req.ctx, 'company', req.body);
      return reply.status(queued ? 202 : 200).send(operation);
    },
  );

  app.get(
    '/api/bulk/:id',
    {
      config: { permission: 'bulk:read' },
      schema: { tags, summary: 'Status and progress of a bulk operation', params: bulkIdParams, response: { 200: bulkOperationSchema } },
    },
    async (req) => getBulkOperation(req.ctx, req.params.id),
  );

  app.post(
    '/api/bulk/:id/undo',
    {
      config: { permission: 'bulk:write' },
      schema: { tags, summary: 'Restore what a bulk operation changed (within 7 days)', params: bulkIdParams, response: responses },
    },
    async (req, reply) => {
      const { operation, queued } = await undoBulkAction(req.ctx, req.params.id);
      if (queued) deps.pokeWorker?.();
      return reply.status(queued ? 202 : 200).send(operation);
    },
  );

  app.post(
    '/api/bulk/:id/cancel',
    {
      config: { permission: 'bulk:write' },
      schema: {
        tags,
        summary: 'Stop a queued or running bulk operation between batches',
        params: bulkIdParams,
        response: { 200: bulkOperationSchema },
      },
    },
    async (req) => cancelBulkAction(req.ctx, req.params.id),
  );
}
