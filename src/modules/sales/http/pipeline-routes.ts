import { z } from 'zod';
import type { App } from '../../../kernel/http/index.ts';
import { getPipeline, getPipelines } from '../queries/get-pipelines.ts';
import { createPipeline } from '../use-cases/create-pipeline.ts';
import { deletePipeline } from '../use-cases/delete-pipeline.ts';
import { updatePipeline } from '../use-cases/update-pipeline.ts';
import { idParams, okSchema, pipelineBody, pipelineSchema, updatePipelineBody } from './sales.types.ts';

const tags = ['pipelines'];

/** GET/POST /api/pipelines, GET/PATCH/DELETE /api/pipelines/:id. */
export async function pipelineRoutes(app: App) {
  app.get(
    '/api/pipelines',
    { config: { permission: 'deals:read' }, schema: { tags, response: { 200: z.object({ items: z.array(pipelineSchema) }) } } },
    async (req) => ({ items: await getPipelines(req.ctx) }),
  );
  app.post(
    '/api/pipelines',
    { config: { permission: 'pipelines:manage' }, schema: { tags, body: pipelineBody, response: { 201: pipelineSchema } } },
    async (req, reply) => reply.status(201).send(await createPipeline(req.ctx, req.body)),
  );
  app.get(
    '/api/pipelines/:id',
    { config: { permission: 'deals:read' }, schema: { tags, params: idParams, response: { 200: pipelineSchema } } },
    async (req) => getPipeline(req.ctx, req.params.id),
  );
  app.patch(
    '/api/pipelines/:id',
    {
      config: { permission: 'pipelines:manage' },
      schema: { tags, params: idParams, body: updatePipelineBody, response: { 200: pipelineSchema } },
    },
    async (req) => updatePipeline(req.ctx, req.params.id, req.body),
  );
  app.delete(
    '/api/pipelines/:id',
    { config: { permission: 'pipelines:manage' }, schema: { tags, params: idParams, response: { 200: okSchema } } },
    async (req) => {
      await deletePipeline(req.ctx, req.params.id);
      return { ok: true as const };
    },
  );
}
