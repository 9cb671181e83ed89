import { randomBytes } from 'node:crypto';
import { recordAudit } from '../../../kernel/audit/index.ts';
import { apiKeys, randomToken, sha256 } from '../../../kernel/auth/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { emitEvent } from '../../../kernel/events/index.ts';

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
const prefixOf = () => [...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('');

/**
 * A key acting with its creator's role (limited to reads when scope is `read`). The full key is
 * returned once; only its SHA-256 is stored.
 */
export async function createApiKey(ctx: Ctx, input: { name: string; scope: 'read' | 'write' }) {
  const prefix = prefixOf();
  const key = `tdm_${prefix}_${randomToken(32)}`;
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({
        workspaceId: ctx.workspaceId,
        name: input.name.trim(),
        prefix,
        keyHash: sha256(key),
        scope: input.scope,
        createdBy: ctx.actor.userId ?? ctx.actor.id,
      })
      .returning();
    await emitEvent(
      { ...ctx, db: tx },
      { type: 'api_key.created', entityType: 'api_key', entityId: row!.id, data: { name: row!.name, scope: row!.scope } },
    );
    await recordAudit(
      { ...ctx, db: tx },
      { action: 'api_key.created', entityType: 'api_key', entityId: row!.id, after: { name: row!.name, scope: row!.scope, prefix } },
    );
    return { apiKey: row!, key };
  });
}
