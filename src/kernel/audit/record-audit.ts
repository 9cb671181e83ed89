import type { Ctx } from '../context.ts';
import { auditLog } from './schema.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Records who changed what; call it inside the use case's transaction (`ctx.db` is the tx). */
export async function recordAudit(ctx: Ctx, entry: AuditEntry) {
  await ctx.db.insert(auditLog).values({
    workspaceId: ctx.workspaceId,
    actorType: ctx.actor.type,
    actorId: ctx.actor.userId ?? ctx.actor.id,
    actorLabel: ctx.actor.label,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    before: redact(entry.before) ?? null,
    after: redact(entry.after) ?? null,
    requestId: ctx.requestId ?? null,
    ip: ctx.ip ?? null,
  });
}

const secretKeys = /password|secret|token|hash/i;

/** Never copy secrets into the audit log, however deep they sit (settings objects, lists of records). */
function redact(value: unknown, depth = 0): unknown {
  if (!value || typeof value !== 'object' || value instanceof Date) return value;
  if (depth > 10) return '[too deep]';
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, secretKeys.test(k) && v != null ? '[redacted]' : redact(v, depth + 1)]),
  );
}
