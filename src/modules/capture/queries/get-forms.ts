import { desc, sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { forms } from '../schema.ts';

/** The workspace's forms, newest first, with their counts (a workspace has tens of forms, not thousands). */
export async function getForms(ctx: Ctx) {
  const list = await ctx.db
    .select({
      id: forms.id,
      name: forms.name,
      slug: forms.slug,
      status: forms.status,
      fieldCount: sql<number>`jsonb_array_length(${forms.fields})::int`,
      submissionCount: forms.submissionCount,
      spamCount: forms.spamCount,
      lastSubmittedAt: forms.lastSubmittedAt,
      updatedAt: forms.updatedAt,
    })
    .from(forms)
    .where(inWorkspace(forms.workspaceId, ctx, sql`${forms.deletedAt} is null`))
    .orderBy(desc(forms.createdAt))
    .limit(500);
  return list.map((f) => ({ ...f, status: f.status as 'draft' | 'published' }));
}
