import { type App, pageOf } from '../../http/index.ts';
import { getAuditLog } from '../queries/get-audit-log.ts';
import { auditEntrySchema, auditLogQuery } from './audit.types.ts';

/** GET /api/audit-log: who changed what, filterable, newest first. */
export async function auditRoutes(app: App) {
  app.get(
    '/api/audit-log',
    {
      config: { permission: 'audit:read' },
      schema: { tags: ['audit'], querystring: auditLogQuery, response: { 200: pageOf(auditEntrySchema) } },
    },
    async (req) => getAuditLog(req.ctx, req.query),
  );
}
