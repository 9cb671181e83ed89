import type { Executor } from '../../../kernel/db/index.ts';
import { notifications } from '../schema.ts';

export interface NotificationInput {
  workspaceId: string;
  userId: string;
  /** task_assigned, task_reminder, … (the web app picks an icon by kind). */
  kind: string;
  title: string;
  body?: string;
  /** Where a click leads in the web app, e.g. /tasks/<id>. */
  link?: string | null;
}

/** Puts an in-app notification in a user's inbox; call it inside the transaction of the change it is about. */
export async function notifyUser(exec: Executor, n: NotificationInput) {
  const [row] = await exec
    .insert(notifications)
    .values({
      workspaceId: n.workspaceId,
      userId: n.userId,
      kind: n.kind,
      title: n.title.slice(0, 500),
      body: n.body ?? '',
      link: n.link ?? null,
    })
    .returning();
  return row!;
}
