import { eq, sql } from 'drizzle-orm';
import { recordAudit } from '../../../kernel/audit/index.ts';
import type { Ctx } from '../../../kernel/context.ts';
import { newId } from '../../../kernel/db/index.ts';
import { emitEvent } from '../../../kernel/events/index.ts';
import { enqueue } from '../../../kernel/jobs/index.ts';
import { compileDefinition, isTimeRelative } from '../definition.ts';
import { rebuildSegmentJob } from '../jobs/rebuild-segment-job.ts';
import { loadSegment, toSegment } from '../queries/get-segments.ts';
import { segments } from '../schema.ts';

export interface SegmentInput {
  name: string;
  description?: string | null;
  definition: unknown;
}

/** Creates a segment and queues its first evaluation (status building until it finishes). */
export async function createSegment(ctx: Ctx, input: SegmentInput) {
  await compileDefinition(ctx, input.definition);
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const id = newId();
    const s = await tx
      .insert(segments)
      .values({
        id,
        workspaceId: ctx.workspaceId,
        name: input.name,
        description: input.description ?? null,
        definition: input.definition,
        timeRelative: isTimeRelative(input.definition),
        createdBy: ctx.actor.userId ?? null,
      })
      .returning()
      .then((r) => r[0]!);
    const jobId = await enqueue(
      tx,
      rebuildSegmentJob,
      { workspaceId: ctx.workspaceId, segmentId: id, version: 1 },
      { workspaceId: ctx.workspaceId },
    );
    await recordAudit(c, {
      action: 'segment.created',
      entityType: 'segment',
      entityId: id,
      after: { name: s.name, definition: s.definition },
    });
    await emitEvent(c, { type: 'segment.created', entityType: 'segment', entityId: id, data: { name: s.name } });
    return toSegment(s, jobId);
  });
}

/** Renames or redefines a segment; a new definition bumps the version and queues a rebuild (history, no events). */
export async function updateSegment(ctx: Ctx, id: string, input: Partial<SegmentInput>) {
  if (input.definition !== undefined) await compileDefinition(ctx, input.definition);
  return ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const before = await loadSegment(c, id, true);
    const redefined = input.definition !== undefined && JSON.stringify(input.definition) !== JSON.stringify(before.definition);
    const s = await tx
      .update(segments)
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(redefined
          ? {
              definition: input.definition,
              timeRelative: isTimeRelative(input.definition),
              status: 'building' as const,
              version: sql`${segments.version} + 1`,
            }
          : {}),
        updatedAt: new Date(),
      })
      .where(eq(segments.id, id))
      .returning()
      .then((r) => r[0]!);
    const jobId = redefined
      ? await enqueue(
          tx,
          rebuildSegmentJob,
          { workspaceId: ctx.workspaceId, segmentId: id, version: s.version },
          { workspaceId: ctx.workspaceId },
        )
      : null;
    await recordAudit(c, {
      action: 'segment.updated',
      entityType: 'segment',
      entityId: id,
      before: { name: before.name, definition: before.definition },
      after: { name: s.name, definition: s.definition },
    });
    await emitEvent(c, { type: 'segment.updated', entityType: 'segment', entityId: id, data: { name: s.name, redefined } });
    return toSegment(s, jobId);
  });
}

/** Deletes a segment with its members and history (soft for the row itself, so the audit trail can name it). */
export async function deleteSegment(ctx: Ctx, id: string) {
  await ctx.db.transaction(async (tx) => {
    const c = { ...ctx, db: tx };
    const before = await loadSegment(c, id, true);
    await tx.update(segments).set({ deletedAt: new Date(), updatedAt: new Date(), memberCount: 0 }).where(eq(segments.id, id));
    await tx.execute(sql`delete from segment_members where segment_id = ${id}`);
    await recordAudit(c, {
      action: 'segment.deleted',
      entityType: 'segment',
      entityId: id,
      before: { name: before.name, definition: before.definition },
    });
    await emitEvent(c, { type: 'segment.deleted', entityType: 'segment', entityId: id, data: { name: before.name } });
  });
}
