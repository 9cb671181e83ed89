import type { App } from '../../../kernel/http/index.ts';
import { enqueue } from '../../../kernel/jobs/index.ts';
import { rebuildSegmentJob } from '../jobs/rebuild-segment-job.ts';
import { getContactAudience } from '../queries/get-contact-audience.ts';
import { getHistory } from '../queries/get-history.ts';
import { getMembers } from '../queries/get-members.ts';
import { getRebuildProgress } from '../queries/get-rebuild-progress.ts';
import { getSegments, loadSegment, toSegment } from '../queries/get-segments.ts';
import { previewSegment } from '../queries/preview-segment.ts';
import { createSegment, deleteSegment, updateSegment } from '../use-cases/save-segment.ts';
import {
  contactAudienceSchema,
  historyQuery,
  historySchema,
  idParams,
  memberPageSchema,
  okSchema,
  pageQuery,
  previewBody,
  previewSchema,
  segmentBody,
  segmentListSchema,
  segmentSchema,
  updateSegmentBody,
} from './segments.types.ts';

const tags = ['segments'];
const read = { permission: 'segments:read' };
const manage = { permission: 'segments:manage' };

/** /api/segments: CRUD, live preview, members, history, rebuild; /api/contacts/:id/audience. */
export async function segmentRoutes(app: App) {
  app.get('/api/segments', { config: read, schema: { tags, response: { 200: segmentListSchema } } }, async (req) => getSegments(req.ctx));
  app.post('/api/segments', { config: manage, schema: { tags, body: segmentBody, response: { 201: segmentSchema } } }, async (req, reply) =>
    reply.status(201).send(await createSegment(req.ctx, req.body)),
  );
  app.post('/api/segments/preview', { config: read, schema: { tags, body: previewBody, response: { 200: previewSchema } } }, async (req) =>
    previewSegment(req.ctx, req.body.definition),
  );
  app.get('/api/segments/:id', { config: read, schema: { tags, params: idParams, response: { 200: segmentSchema } } }, async (req) => ({
    ...toSegment(await loadSegment(req.ctx, req.params.id)),
    rebuild: await getRebuildProgress(req.ctx, req.params.id),
  }));
  app.patch(
    '/api/segments/:id',
    { config: manage, schema: { tags, params: idParams, body: updateSegmentBody, response: { 200: segmentSchema } } },
    async (req) => updateSegment(req.ctx, req.params.id, req.body),
  );
  app.delete('/api/segments/:id', { config: manage, schema: { tags, params: idParams, response: { 200: okSchema } } }, async (req) => {
    await deleteSegment(req.ctx, req.params.id);
    return { ok: true as const };
  });
  app.post(
    '/api/segments/:id/rebuild',
    { config: manage, schema: { tags, params: idParams, response: { 202: segmentSchema } } },
    async (req, reply) => {
      const s = await loadSegment(req.ctx, req.params.id);
      const jobId = await enqueue(
        req.ctx.db,
        rebuildSegmentJob,
        { workspaceId: s.workspaceId, segmentId: s.id, version: s.version, emitEvents: true },
        { workspaceId: s.workspaceId },
      );
      return reply.status(202).send(toSegment(s, jobId));
    },
  );
  app.get(
    '/api/segments/:id/members',
    { config: read, schema: { tags, params: idParams, querystring: pageQuery, response: { 200: memberPageSchema } } },
    async (req) => getMembers(req.ctx, { segmentId: req.params.id }, req.query),
  );
  app.get(
    '/api/segments/:id/history',
    { config: read, schema: { tags, params: idParams, querystring: historyQuery, response: { 200: historySchema } } },
    async (req) => {
      await loadSegment(req.ctx, req.params.id);
      return { items: await getHistory(req.ctx, { segmentId: req.params.id }, req.query.limit) };
    },
  );
  app.get(
    '/api/contacts/:id/audience',
    { config: read, schema: { tags, params: idParams, response: { 200: contactAudienceSchema } } },
    async (req) => getContactAudience(req.ctx, req.params.id),
  );
}
