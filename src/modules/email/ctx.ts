import type { Ctx } from '../../kernel/context.ts';
import { systemActor } from '../../kernel/context.ts';
import type { Executor } from '../../kernel/db/index.ts';

export { rows } from '../../kernel/db/index.ts';

/** The context jobs and public endpoints act in: Tandem itself, in one workspace. */
export const systemActorCtx = (db: Executor, workspaceId: string, label = 'email'): Ctx => ({ db, workspaceId, actor: systemActor(label) });
