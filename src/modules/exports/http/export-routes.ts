import type { App } from '../../../kernel/http/index.ts';
import { parseListQuery } from '../../companies/index.ts';
import { type ExportEntity, exportEntities, recordSources } from '../record-sources.ts';
import { exportRecordsCsv } from '../use-cases/export-records-csv.ts';
import { exportQuery } from './export.types.ts';

/** GET /api/contacts/export.csv, /api/companies/export.csv, /api/activities/export.csv: a list as CSV, streamed. */
export async function exportRoutes(app: App) {
  for (const entity of exportEntities) route(app, entity);
}

function route(app: App, entity: ExportEntity) {
  app.get(
    `/api/${entity}/export.csv`,
    {
      config: { permission: recordSources[entity].permission },
      schema: {
        tags: [entity],
        summary: `Export ${entity} as CSV`,
        description: `Every ${entity.replace(/s$/, '')} matching the filter (or view) that the caller may see, in list order, as UTF-8 CSV. Streams; starts at once.`,
        querystring: exportQuery,
      },
    },
    async (req, reply) => {
      const q = parseListQuery({ filter: req.query.filter, sort: req.query.sort, columns: req.query.columns, limit: 1 });
      const prepared = await exportRecordsCsv(req.ctx, entity, {
        filter: q.filter,
        sort: q.sort,
        columns: q.columns,
        viewId: req.query.view,
        headers: req.query.headers,
      });
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${prepared.fileName}"`)
        .header('cache-control', 'no-store')
        .send(prepared.stream());
    },
  );
}
