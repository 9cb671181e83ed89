import type { Ctx } from '../../../kernel/context.ts';
import { AppError } from '../../../kernel/errors.ts';

/** The user whose inbox the caller reads: the signed-in user, or the user an API key belongs to. */
export function notificationOwner(ctx: Ctx): string {
  if (!ctx.actor.userId) throw new AppError('forbidden', 'Notifications belong to a user; call as a user or with a user’s API key.');
  return ctx.actor.userId;
}
