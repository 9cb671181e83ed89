import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Role } from '../../../kernel/auth/index.ts';
import { memberships, workspaces } from '../../../kernel/auth/index.ts';
import { systemActor } from '../../../kernel/context.ts';
import type { Executor } from '../../../kernel/db/index.ts';

export interface CreateWorkspaceInput {
  name: string;
  timezone?: string;
  currency?: string;
  ownerUserId: string;
  ownerRole?: Role;
}

/** A new workspace with its first member (an admin unless said otherwise). */
export async function createWorkspace(db: Executor, input: CreateWorkspaceInput) {
  return db.transaction(async (tx) => {
    const [ws] = await tx
      .insert(workspaces)
      .values({ name: input.name.trim(), timezone: input.timezone ?? 'UTC', currency: input.currency ?? 'USD' })
      .returning();
    await tx.insert(memberships).values({ workspaceId: ws!.id, userId: input.ownerUserId, role: input.ownerRole ?? 'admin' });
    await recordAudit(
      { db: tx, workspaceId: ws!.id, actor: systemActor() },
      { action: 'workspace.created', entityType: 'workspace', entityId: ws!.id, after: ws },
    );
    return ws!;
  });
}
