import { can } from '../../kernel/auth/index.ts';
import type { Ctx } from '../../kernel/context.ts';
import { AppError } from '../../kernel/errors.ts';

/** Importing writes records, so the caller needs the entity's own write permission too (contacts:write…). */
export function requirePermission(ctx: Ctx, name: string) {
  if (!can(ctx.actor.role, name, ctx.actor.keyScope))
    throw new AppError('forbidden', `Not allowed: your role (${ctx.actor.role}) does not include ${name}.`, { permission: name });
}
