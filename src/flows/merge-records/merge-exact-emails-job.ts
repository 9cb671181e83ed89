import { z } from 'zod';
import { recordAudit } from '../../kernel/audit/index.ts';
import type { Actor, Ctx } from '../../kernel/context.ts';
import { AppError } from '../../kernel/errors.ts';
import { defineJob, enqueue, type JobContext } from '../../kernel/jobs/index.ts';
import { resolveAlias } from '../../modules/companies/index.ts';
import { getExactEmailGroups } from '../../modules/contacts/index.ts';
import { mergeContacts } from './merge-contacts.ts';
import { maxMergeRecords } from './merge-input.ts';

const payload = z.object({
  workspaceId: z.uuid(),
  /** Who asked: the merges run with their role and record visibility, and the audit log names them. */
  actor: z.object({
    type: z.enum(['user', 'api_key', 'system']),
    id: z.string(),
    userId: z.string().optional(),
    label: z.string(),
    role: z.enum(['admin', 'marketing', 'sales_manager', 'sales_rep', 'viewer']),
  }),
});

/** Groups found per scan of the workspace's emails (each scan reads them all, so scans are few and large). */
const groupsPerBatch = 2000;

/**
 * Merges every group of contacts that share a normalized email into its oldest contact, one merge
 * (one transaction) per group of up to ten, reporting progress as it goes. Safe to run twice: groups
 * are found afresh, and contacts already merged resolve to their survivor through their aliases.
 */
export async function mergeExactEmailDuplicates(ctx: Ctx, job?: Pick<JobContext, 'progress' | 'cancelled'>) {
  const counts = { groups: 0, merged: 0, skipped: 0 };
  let after: string | undefined;
  for (;;) {
    if (await job?.cancelled()) return { ...counts, stopped: true };
    const groups = await getExactEmailGroups(ctx, { after, limit: groupsPerBatch });
    if (!groups.length) return counts;
    for (const [n, g] of groups.entries()) {
      if (n % 50 === 49 && (await job?.cancelled())) return { ...counts, stopped: true };
      // An earlier group of this run may have merged some of these already.
      const ids: string[] = [];
      for (const id of g.ids) {
        const target = await resolveAlias(ctx, 'contact', id);
        if (!ids.includes(target)) ids.push(target);
      }
      if (ids.length < 2) continue;
      const [survivorId, ...rest] = ids as [string, ...string[]];
      try {
        for (let i = 0; i < rest.length; i += maxMergeRecords - 1) {
          const mergedIds = rest.slice(i, i + maxMergeRecords - 1);
          await mergeContacts(ctx, { survivorId, mergedIds, fields: { email: survivorId } });
          counts.merged += mergedIds.length;
        }
        counts.groups++;
        if (counts.groups % 50 === 0) await job?.progress({ ...counts });
      } catch (err) {
        // A contact deleted or changed meanwhile: that group is left for a later run, the others go on.
        if (!(err instanceof AppError)) throw err;
        counts.skipped++;
      }
    }
    after = groups[groups.length - 1]!.email;
    await job?.progress({ ...counts });
  }
}

export const mergeExactEmailsJob = defineJob({
  id: 'duplicates.merge_exact_emails',
  version: 1,
  payload,
  maxAttempts: 3,
  handler: async (p, job) => {
    const ctx: Ctx = { db: job.database.db, workspaceId: p.workspaceId, actor: p.actor as Actor, requestId: `job:${job.jobId}` };
    return mergeExactEmailDuplicates(ctx, job);
  },
});

/** Queues the bulk merge of exact-email duplicates for the caller's workspace (follow it at GET /api/jobs/:id). */
export async function startMergeExactEmails(ctx: Ctx): Promise<{ jobId: string }> {
  const actor = { type: ctx.actor.type, id: ctx.actor.id, userId: ctx.actor.userId, label: ctx.actor.label, role: ctx.actor.role };
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const jobId = await enqueue(tx, mergeExactEmailsJob, { workspaceId: ctx.workspaceId, actor }, { workspaceId: ctx.workspaceId });
    await recordAudit(c, { action: 'duplicates.merge_exact_emails_started', entityType: 'job', entityId: jobId });
    return { jobId };
  });
}
