import { sql } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { pageRows } from '../../../kernel/db/index.ts';
import { resolvedOwnerVisibility } from '../../identity/index.ts';
import { compileDefinition } from '../definition.ts';
import { countContacts } from './count-in-parts.ts';
import { type MemberRow, memberColumns, toMember } from './member-shape.ts';

/** How many live contacts match a definition now, and the 20 newest the caller may see (the builder's live count). */
export async function previewSegment(ctx: Ctx, definition: unknown) {
  const started = performance.now();
  const where = await compileDefinition(ctx, definition);
  const scope = sql`c.workspace_id = ${ctx.workspaceId} and c.deleted_at is null and (${where})`;
  const [count, sample] = await Promise.all([
    countContacts(ctx, where),
    pageRows<MemberRow>(
      ctx.db,
      sql`select ${memberColumns}, c.created_at as at from contacts c left join companies co on co.workspace_id = c.workspace_id and co.id = c.company_id
          where ${scope} and ${await resolvedOwnerVisibility(ctx, sql`c.owner_id`)} order by c.id desc limit 20`,
    ),
  ]);
  return { count, sample: sample.map(toMember), tookMs: Math.round(performance.now() - started) };
}
