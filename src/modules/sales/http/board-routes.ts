import type { App } from '../../../kernel/http/index.ts';
import { parseListQuery } from '../../companies/index.ts';
import { getBoard, getBoardColumn } from '../queries/get-board.ts';
import { boardQuery, boardSchema, cardPageSchema, columnParams, idParams } from './sales.types.ts';

const tags = ['deals'];
const paths = { filter: ['query', 'filter'], sort: ['query', 'sort'] };

/** GET /api/pipelines/:id/board and GET /api/pipelines/:id/board/columns/:stageId (more cards of one column). */
export async function boardRoutes(app: App) {
  app.get(
    '/api/pipelines/:id/board',
    { config: { permission: 'deals:read' }, schema: { tags, params: idParams, querystring: boardQuery, response: { 200: boardSchema } } },
    async (req) => getBoard(req.ctx, req.params.id, parseListQuery(req.query), paths),
  );
  app.get(
    '/api/pipelines/:id/board/columns/:stageId',
    {
      config: { permission: 'deals:read' },
      schema: { tags, params: columnParams, querystring: boardQuery, response: { 200: cardPageSchema } },
    },
    async (req) => getBoardColumn(req.ctx, req.params.id, req.params.stageId, parseListQuery(req.query), paths),
  );
}
