import { sql } from 'drizzle-orm';
import { type Executor, rows } from '../../../kernel/db/index.ts';

export interface AudienceContact {
  id: string;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  displayName: string;
  emailConsent: string | null;
  doNotContact: boolean;
}

/**
 * The live contacts of a segment or list in id order, `limit` after `afterId` (keyset: pass the last id back until an
 * empty page). For sends: the caller still applies consent, do-not-contact and suppressions, which are returned.
 */
export async function audienceContacts(
  exec: Executor,
  workspaceId: string,
  of: { segmentId: string } | { listId: string },
  afterId: string | null,
  limit: number,
): Promise<AudienceContact[]> {
  const [table, owner] =
    'segmentId' in of
      ? [sql`segment_members m`, sql`m.segment_id = ${of.segmentId}`]
      : [sql`list_members m`, sql`m.list_id = ${of.listId}`];
  const found = await rows<{
    id: string;
    email: string | null;
    first_name: string | null;
    last_name: string | null;
    display_name: string;
    email_consent: string | null;
    do_not_contact: boolean | null;
  }>(
    exec,
    sql`select c.id, c.email, c.first_name, c.last_name, c.display_name, c.email_consent, c.do_not_contact
        from ${table} join contacts c on c.workspace_id = m.workspace_id and c.id = m.contact_id
        where ${owner} and m.workspace_id = ${workspaceId} and c.deleted_at is null
          ${afterId ? sql`and m.contact_id > ${afterId}::uuid` : sql``}
        order by m.contact_id limit ${Math.min(Math.max(limit, 1), 10_000)}`,
  );
  return found.map((r) => ({
    id: r.id,
    email: r.email,
    firstName: r.first_name,
    lastName: r.last_name,
    displayName: r.display_name,
    emailConsent: r.email_consent,
    doNotContact: !!r.do_not_contact,
  }));
}
