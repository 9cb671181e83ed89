import { sql } from 'drizzle-orm';
import { type Ctx, systemActor } from '../../../kernel/context.ts';
import { type Executor, rows } from '../../../kernel/db/index.ts';
import { loadRoutingSettings } from '../queries/get-routing-settings.ts';
import { recordAssignment } from './assign-lead.ts';

/**
 * When someone changes the owner of a lead still waiting for its first touch, the SLA follows the new
 * owner: a new assignment (reason `manual`) restarts the clock. Leads already touched keep their record.
 * Safe to run twice: it acts only while the contact's owner differs from the assignment's.
 */
export async function followOwnerChange(exec: Executor, workspaceId: string, contactId: string) {
  await exec.transaction(async (tx) => {
    const [r] = await rows<{ owner_id: string | null }>(
      tx,
      sql`select c.owner_id from lead_assignments la
          join contacts c on c.workspace_id = la.workspace_id and c.id = la.contact_id and c.deleted_at is null
          where la.workspace_id = ${workspaceId} and la.contact_id = ${contactId} and la.first_touch_at is null
            and c.owner_id is distinct from la.owner_id
          for update of la`,
    );
    if (!r) return;
    const ctx: Ctx = { db: tx, workspaceId, actor: systemActor('routing') };
    await recordAssignment(
      ctx,
      contactId,
      { ownerId: r.owner_id, ruleId: null, ruleName: null, reason: 'manual' },
      await loadRoutingSettings(tx, workspaceId),
    );
  });
}
