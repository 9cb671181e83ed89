import { sql } from 'drizzle-orm';
import type { Ctx } from '../../kernel/context.ts';
import type { Executor } from '../../kernel/db/index.ts';
import { AppError } from '../../kernel/errors.ts';
import { compileFilter } from '../../kernel/filters/index.ts';
import { contactFields } from '../contacts/index.ts';
import { rows, systemActorCtx } from './ctx.ts';
import type { Audience } from './schema.ts';

export interface AudienceMember {
  id: string;
  email: string;
}

/**
 * A source of recipients other than a contact filter: `page(exec, workspaceId, ref, afterId, limit)` returns contacts
 * with an email, ordered by id, after `afterId`. The segments module registers `segment` and `list`:
 * `registerAudienceSource('segment', (exec, ws, ref, after, limit) => audienceContacts(exec, ws, { segmentId: ref }, after, limit))`.
 */
export type AudienceSource = (
  exec: Executor,
  workspaceId: string,
  ref: string,
  afterId: string,
  limit: number,
) => Promise<AudienceMember[]>;

const sources = new Map<'segment' | 'list', AudienceSource>();

export function registerAudienceSource(kind: 'segment' | 'list', source: AudienceSource) {
  sources.set(kind, source);
}

export const audienceKinds = () => ['filter', ...sources.keys()];

/** Checks an audience before it is saved: the filter compiles, the segment/list source exists. */
export async function checkAudience(ctx: Ctx, a: Audience, path: (string | number)[]) {
  if (a.kind === 'filter') {
    compileFilter(a.filter, await contactFields(ctx), { path: [...path, 'filter'] });
    return;
  }
  if (!sources.has(a.kind))
    throw new AppError('audience_unavailable', `Audiences by ${a.kind} are not available yet; use a contact filter.`, {
      path: [...path, 'kind'],
    });
}

export const firstId = '00000000-0000-0000-0000-000000000000';

/** One page of an audience's contacts with an email, by id. */
export async function audiencePage(exec: Executor, workspaceId: string, a: Audience, afterId: string, limit: number) {
  if (a.kind !== 'filter') {
    const src = sources.get(a.kind);
    if (!src) throw new AppError('audience_unavailable', `Audiences by ${a.kind} are not available.`);
    return src(exec, workspaceId, a.kind === 'segment' ? a.segmentId : a.listId, afterId, limit);
  }
  const ctx = systemActorCtx(exec, workspaceId);
  const where = compileFilter(a.filter, await contactFields(ctx), { path: ['audience', 'filter'] });
  return rows<AudienceMember>(
    exec,
    sql`select c.id, lower(c.email) as email from contacts c
        where c.workspace_id = ${workspaceId} and c.deleted_at is null and c.email is not null and c.id > ${afterId}
          and (${where}) order by c.id limit ${limit}`,
  );
}
