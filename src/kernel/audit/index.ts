export { auditRoutes } from './http/audit-routes.ts';
export { type AuditLogQuery, getAuditLog } from './queries/get-audit-log.ts';
export { type AuditEntry, recordAudit } from './record-audit.ts';
export { auditLog } from './schema.ts';
