import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { AppError, notFound } from '../../../kernel/errors.ts';
import { importEntity } from '../entities/registry.ts';
import type { Mapping } from '../mapping/auto-map.ts';
import { importMappings } from '../schema.ts';

export const toMappingView = (m: typeof importMappings.$inferSelect) => ({ id: m.id, name: m.name, entity: m.entity, mapping: m.mapping });

/** Saves a mapping under a name (a mapping of the same entity and name is replaced). */
export async function saveMapping(ctx: Ctx, input: { name: string; entity: string; mapping: Mapping }) {
  importEntity(input.entity);
  const name = input.name.trim();
  if (!name) throw new AppError('validation_failed', 'Give the mapping a name.', { path: ['body', 'name'] });
  return ctx.db.transaction(async (tx) => {
    const where = inWorkspace(importMappings.workspaceId, ctx, and(eq(importMappings.entity, input.entity), eq(importMappings.name, name)));
    const [existing] = await tx.select().from(importMappings).where(where).for('update');
    const [row] = existing
      ? await tx
          .update(importMappings)
          .set({ mapping: input.mapping, updatedAt: new Date() })
          .where(eq(importMappings.id, existing.id))
          .returning()
      : await tx
          .insert(importMappings)
          .values({
            workspaceId: ctx.workspaceId,
            name,
            entity: input.entity,
            mapping: input.mapping,
            createdBy: ctx.actor.userId ?? ctx.actor.id,
          })
          .returning();
    return toMappingView(row!);
  });
}

export async function listMappings(ctx: Ctx, entity?: string) {
  const list = await ctx.db
    .select()
    .from(importMappings)
    .where(inWorkspace(importMappings.workspaceId, ctx, entity ? eq(importMappings.entity, entity) : undefined))
    .orderBy(importMappings.entity, importMappings.name);
  return list.map(toMappingView);
}

/** A saved mapping by name (the CLI's --mapping). */
export async function findMapping(ctx: Ctx, entity: string, name: string) {
  const [m] = await ctx.db
    .select()
    .from(importMappings)
    .where(inWorkspace(importMappings.workspaceId, ctx, and(eq(importMappings.entity, entity), eq(importMappings.name, name))));
  if (!m) throw new AppError('import_mapping_not_found', `No saved ${entity} mapping named "${name}".`, { name });
  return toMappingView(m);
}

export async function deleteMapping(ctx: Ctx, id: string) {
  const [m] = await ctx.db
    .delete(importMappings)
    .where(inWorkspace(importMappings.workspaceId, ctx, eq(importMappings.id, id)))
    .returning();
  if (!m) throw notFound('import_mapping', id);
}
