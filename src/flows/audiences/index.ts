import type { Executor } from '../../kernel/db/index.ts';
import { type AudienceMember, registerAudienceSource } from '../../modules/email/index.ts';
import { audienceContacts } from '../../modules/segments/index.ts';

/**
 * Contacts of a segment or list with an email, by id after `afterId`. A page of the segment whose contacts all lack an
 * email must not end the broadcast early (the sender stops at an empty page), so this reads on until it has some or
 * the segment is exhausted. Consent and suppression stay the sender's checks.
 */
export async function membersWithEmail(
  exec: Executor,
  workspaceId: string,
  of: { segmentId: string } | { listId: string },
  afterId: string,
  limit: number,
): Promise<AudienceMember[]> {
  let after: string | null = afterId;
  for (;;) {
    const page = await audienceContacts(exec, workspaceId, of, after, limit);
    if (page.length === 0) return [];
    const withEmail = page.filter((c) => c.email).map((c) => ({ id: c.id, email: c.email! }));
    if (withEmail.length) return withEmail;
    after = page[page.length - 1]!.id;
  }
}

/** Broadcasts can go to segments and static lists (email reads them through the segments module). */
export function registerEmailAudiences() {
  registerAudienceSource('segment', (exec, ws, ref, after, limit) => membersWithEmail(exec, ws, { segmentId: ref }, after, limit));
  registerAudienceSource('list', (exec, ws, ref, after, limit) => membersWithEmail(exec, ws, { listId: ref }, after, limit));
}
