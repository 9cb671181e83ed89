import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../../kernel/context.ts';
import { inWorkspace } from '../../../kernel/db/index.ts';
import { notFound } from '../../../kernel/errors.ts';
import type { CustomEntityType } from '../field-rules.ts';
import { type CustomFieldType, customFieldDefinitions as defs } from '../schema.ts';

/** A field definition as the API and other modules see it. */
export interface CustomFieldDef {
  id: string;
  entityType: CustomEntityType;
  key: string;
  label: string;
  type: CustomFieldType;
  choices: { value: string; label: string }[];
  currency: string | null;
  description: string;
  required: boolean;
  unique: boolean;
  indexed: boolean;
  position: number;
  archived: boolean;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

type Row = typeof defs.$inferSelect;

/** Shapes a stored definition row. */
export function toDef(r: Row): CustomFieldDef {
  return {
    id: r.id,
    entityType: r.entityType as CustomEntityType,
    key: r.key,
    label: r.label,
    type: r.type,
    choices: r.options.choices ?? [],
    currency: r.options.currency ?? null,
    description: r.description,
    required: r.required,
    unique: r.unique,
    indexed: r.indexed,
    position: r.position,
    archived: r.archivedAt !== null,
    archivedAt: r.archivedAt,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

/** Definitions of an entity type (or all), ordered by position; archived ones only when asked. */
export async function getCustomFields(
  ctx: Ctx,
  opts: { entityType?: CustomEntityType; includeArchived?: boolean } = {},
): Promise<CustomFieldDef[]> {
  const list = await ctx.db
    .select()
    .from(defs)
    .where(
      inWorkspace(
        defs.workspaceId,
        ctx,
        opts.entityType ? eq(defs.entityType, opts.entityType) : undefined,
        opts.includeArchived ? undefined : isNull(defs.archivedAt),
      ),
    )
    .orderBy(asc(defs.entityType), asc(defs.position), asc(defs.key));
  return list.map(toDef);
}

/** The active definitions of an entity type: what writes validate against and filters may use. */
export const fieldsFor = (ctx: Ctx, entityType: CustomEntityType) => getCustomFields(ctx, { entityType });

/** One definition by id, archived or not. */
export async function getCustomField(ctx: Ctx, id: string): Promise<CustomFieldDef> {
  const [r] = await ctx.db
    .select()
    .from(defs)
    .where(and(inWorkspace(defs.workspaceId, ctx, eq(defs.id, id))));
  if (!r) throw notFound('custom_field', id);
  return toDef(r);
}
