import { sql } from 'drizzle-orm';
import { type Ctx, systemActor } from '../../../kernel/context.ts';
import type { Executor } from '../../../kernel/db/index.ts';
import { rows } from '../../../kernel/db/index.ts';
import { type DefinitionCompiler, definitionCompiler } from '../definition.ts';
import { applyMembership, batchScope, emitMembershipEvents } from './apply-membership.ts';

export interface DrainResult {
  contacts: number;
  entered: number;
  exited: number;
}

/**
 * Re-evaluates the contacts marked in segment_dirty: per batch, one transaction takes the rows (SKIP LOCKED, so
 * several workers share the queue), evaluates every live segment of the workspace for just those contacts, writes
 * history and segment.entered/exited events. A change committed while a batch runs marks its contact again (the
 * insert waits for the taken row), so nothing is lost.
 */
export async function drainDirtyContacts(db: Executor, opts: { workspaceId?: string; batchSize?: number } = {}): Promise<DrainResult> {
  const total: DrainResult = { contacts: 0, entered: 0, exited: 0 };
  const size = opts.batchSize ?? 500;
  for (;;) {
    const taken = await db.transaction(async (tx) => {
      const claimed = await rows<{ workspace_id: string; contact_id: string }>(
        tx,
        sql`delete from segment_dirty d using (
              select workspace_id, contact_id from segment_dirty
              ${opts.workspaceId ? sql`where workspace_id = ${opts.workspaceId}` : sql``}
              order by marked_at limit ${size} for update skip locked) x
            where d.workspace_id = x.workspace_id and d.contact_id = x.contact_id
            returning d.workspace_id, d.contact_id`,
      );
      const byWorkspace = new Map<string, string[]>();
      for (const r of claimed) byWorkspace.set(r.workspace_id, [...(byWorkspace.get(r.workspace_id) ?? []), r.contact_id]);
      for (const [workspaceId, ids] of byWorkspace) {
        const r = await evaluateContacts(tx, workspaceId, ids);
        total.entered += r.entered;
        total.exited += r.exited;
      }
      return claimed.length;
    });
    total.contacts += taken;
    if (taken < size) return total;
  }
}

const compilerTtlMs = 10_000;
const compilers = new Map<string, { at: number; compile: DefinitionCompiler }>();

/**
 * The workspace's compiler, reused for 10 s: building it reads custom fields and the time zone (four queries), which
 * would otherwise be most of a one-contact drain. A custom field added meanwhile is not yet in a saved definition.
 */
async function cachedCompiler(ctx: Ctx): Promise<DefinitionCompiler> {
  const hit = compilers.get(ctx.workspaceId);
  if (hit && Date.now() - hit.at < compilerTtlMs) return hit.compile;
  const compile = await definitionCompiler(ctx);
  if (compilers.size > 1000) compilers.clear();
  compilers.set(ctx.workspaceId, { at: Date.now(), compile });
  return compile;
}

/** Evaluates every live segment of a workspace for some contacts (in the caller's transaction), with events. */
export async function evaluateContacts(tx: Executor, workspaceId: string, contactIds: string[]) {
  const ctx: Ctx = { db: tx, workspaceId, actor: systemActor('segments') };
  const segs = await rows<{ id: string; name: string; definition: unknown }>(
    tx,
    sql`select id, name, definition from segments where workspace_id = ${workspaceId} and deleted_at is null order by id`,
  );
  if (!segs.length) return { entered: 0, exited: 0 };
  const compile = await cachedCompiler(ctx);
  let entered = 0;
  let exited = 0;
  for (const s of segs) {
    // A definition that no longer compiles (an archived custom field) keeps its members until it is fixed.
    const where = await compile(s.definition, ['definition'], false).catch(() => null);
    if (!where) continue;
    const ref = { id: s.id, workspaceId, name: s.name };
    const change = await applyMembership(tx, ref, where, batchScope(contactIds));
    await emitMembershipEvents(tx, ref, change);
    entered += change.entered.length;
    exited += change.exited.length;
  }
  return { entered, exited };
}
