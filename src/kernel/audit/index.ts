export { recordAudit, type AuditEntry } from './record-audit.ts';
export { auditLog } from './schema.ts';
