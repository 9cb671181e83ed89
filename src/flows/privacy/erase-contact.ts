import { sql } from 'drizzle-orm';
import { recordAudit } from '../../kernel/audit/index.ts';
import type { Ctx } from '../../kernel/context.ts';
import { emitEvent } from '../../kernel/events/index.ts';
import { emailHash } from '../../modules/contacts/index.ts';
import { type Flow, runFlow } from '../flow.ts';
import { type ErasureState, erasureSteps } from './erasure-steps.ts';
import { findSubject } from './find-subject.ts';

/** Erasure as a flow: find the person, remove them from every table, suppress their emails, record it. */
export const eraseContactFlow: Flow<ErasureState> = {
  name: 'erase-contact',
  steps: [
    {
      name: 'find-subject',
      run: async (ctx, s) => {
        s.subject = await findSubject(ctx, s.id, { lock: true });
        s.emails = s.subject.emails;
      },
    },
    ...erasureSteps,
    {
      name: 'suppress-emails',
      run: async (ctx, s) => {
        // Hashes salted with the workspace id (contacts' emailHash): imports and create refuse these people from now on.
        for (const email of s.emails)
          await ctx.db.execute(sql`insert into suppressions (workspace_id, email_hash, reason) values (${ctx.workspaceId}, ${emailHash(ctx.workspaceId, email)}, 'erased')
            on conflict (workspace_id, email_hash) do update set reason = 'erased'`);
      },
    },
    {
      name: 'record-erasure',
      run: async (ctx, s) => {
        const id = s.subject!.contact.id;
        // Neither entry holds personal data: the id, and how many emails were suppressed.
        await recordAudit(ctx, {
          action: 'contact.erased',
          entityType: 'contact',
          entityId: id,
          after: { erased: true, suppressedEmails: s.emails.length },
        });
        await emitEvent(ctx, { type: 'contact.erased', entityType: 'contact', entityId: id, data: { suppressedEmails: s.emails.length } });
      },
    },
  ],
};

/**
 * Erases a contact for good (right to erasure): its row and every row about it in other tables;
 * activities only on it are deleted, shared ones lose the link and the emails; audit copies of the
 * record are redacted to {erased: true}; its emails go on the suppression list (hashed) so they
 * cannot come back. Works by id or merged-away id, on live and soft-deleted contacts. One transaction.
 */
export async function eraseContact(ctx: Ctx, id: string): Promise<{ id: string; suppressedEmails: number }> {
  const s = await runFlow(ctx, eraseContactFlow, { id, emails: [] });
  return { id: s.subject!.contact.id, suppressedEmails: s.emails.length };
}
