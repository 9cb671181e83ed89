import { sql } from 'drizzle-orm';
import type { Executor } from '../../../kernel/db/index.ts';
import { identifyVisitor } from '../../engagement/index.ts';

/** Links the visitor's anonymous web sessions to the contact (registered with engagement's onVisitorIdentified). */
export async function linkVisitorSessions(exec: Executor, workspaceId: string, visitorId: string, contactId: string): Promise<void> {
  await exec.execute(sql`update web_sessions set contact_id = ${contactId}, updated_at = now()
    where workspace_id = ${workspaceId} and visitor_id = ${visitorId} and contact_id is null`);
}

/**
 * The visitor is this contact: their anonymous events and web sessions become the contact's, in the caller's
 * transaction. The same as engagement's `identifyVisitor` (forms call that), which runs `linkVisitorSessions`.
 * Returns how many events moved.
 */
export const identifyWebVisitor = (exec: Executor, workspaceId: string, visitorId: string, contactId: string): Promise<number> =>
  identifyVisitor(exec, workspaceId, visitorId, contactId);
