import { and, eq, isNull } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { apiKeys, evictPrincipals } from '../../../kernel/auth/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { type Database, inWorkspace } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors.ts';
import { emitEvent } from '../../../kernel/events/index.ts';

/** Revokes a key at once, in every process (the auth caches are told through NOTIFY). */
export async function revokeApiKey(database: Database, ctx: Ctx, id: string) {
  const row = await ctx.db.transaction(async (tx) => {
    const [r] = await tx
      .update(apiKeys)
      .set({ revokedAt: new Date(), updatedAt: new Date() })
      .where(inWorkspace(apiKeys.workspaceId, ctx, and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt))))
      .returning();
    if (!r) throw notFound('api_key', id);
    await emitEvent({ ...ctx, db: tx }, { type: 'api_key.revoked', entityType: 'api_key', entityId: id, data: { name: r.name } });
    await recordAudit(
      { ...ctx, db: tx },
      { action: 'api_key.revoked', entityType: 'api_key', entityId: id, before: { name: r.name, scope: r.scope } },
    );
    return r;
  });
  await evictPrincipals(database, row.keyHash);
}
