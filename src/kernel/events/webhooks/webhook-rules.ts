import { eq } from 'drizzle-orm';
import type { Ctx } from '../../context.ts';
import type { Executor } from '../../db/client.ts';
import { inWorkspace } from '../../db/helpers.ts';
import { AppError, notFound, registerErrorCodes } from '../../errors.ts';
import { webhookSubscriptions } from '../schema.ts';

registerErrorCodes({ webhook_inactive: 409, delivery_in_progress: 409 });

/** How long the old secret keeps signing after a rotation, so receivers can switch over. */
export const secretOverlapHours = 24;

/** The URL a webhook posts to: absolute http(s), no more than 2,000 characters. */
export function checkWebhookUrl(raw: string, path: (string | number)[]): string {
  const value = raw.trim();
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {}
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname)
    throw new AppError(
      'validation_failed',
      `"${value.slice(0, 100)}" is not a webhook URL: use an absolute http:// or https:// address such as https://example.com/hooks/tandem.`,
      { path },
    );
  if (value.length > 2000) throw new AppError('validation_failed', 'The webhook URL is longer than 2,000 characters.', { path });
  return url.toString();
}

export type WebhookRow = typeof webhookSubscriptions.$inferSelect;

/** A subscription as the API shows it: everything but its secrets. */
export function publicWebhook(w: WebhookRow) {
  return {
    id: w.id,
    url: w.url,
    description: w.description,
    eventTypes: w.eventTypes,
    active: w.active,
    createdBy: w.createdBy,
    createdAt: w.createdAt,
    updatedAt: w.updatedAt,
  };
}

/** The subscription with this id in the caller's workspace (locked when `forUpdate`), or webhook_not_found. */
export async function findWebhook(exec: Executor, ctx: Ctx, id: string, forUpdate = false): Promise<WebhookRow> {
  const q = exec
    .select()
    .from(webhookSubscriptions)
    .where(inWorkspace(webhookSubscriptions.workspaceId, ctx, eq(webhookSubscriptions.id, id)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('webhook', id);
  return row;
}

export function assertActive(w: WebhookRow) {
  if (!w.active)
    throw new AppError('webhook_inactive', 'This webhook is inactive; activate it (PATCH {"active": true}) before sending to it.', {
      id: w.id,
    });
}
