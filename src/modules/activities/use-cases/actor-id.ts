import type { Ctx } from '../../../kernel/context.ts';

/** Who to credit in created_by / completed_by: the user behind a session or key, else the actor (a job). */
export const actorId = (ctx: Ctx) => ctx.actor.userId ?? ctx.actor.id;
