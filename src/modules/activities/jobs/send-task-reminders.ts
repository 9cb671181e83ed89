import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type Executor, rows } from '../../../kernel/db/index.ts';
import { defineJob } from '../../../kernel/jobs/index.ts';
import { notifyUser } from '../use-cases/notify-user.ts';

const batchSize = 500;

/**
 * Sends the reminders that are due: each open task whose reminderAt has passed gets its remindedAt set
 * and its assignee one notification, in one transaction. SKIP LOCKED lets concurrent runs split the due
 * tasks, and the `reminded_at is null` condition on the UPDATE makes a second run find nothing, so
 * every reminder goes out exactly once. Returns how many tasks were reminded.
 */
export async function sendTaskReminders(db: Executor): Promise<number> {
  let total = 0;
  for (;;) {
    const sent = await db.transaction(async (tx) => {
      const due = await rows<{ id: string; workspace_id: string; assignee_id: string | null; title: string; due_at: Date | string | null }>(
        tx,
        sql`with due as (
              select id from tasks
              where status = 'open' and reminded_at is null and reminder_at is not null and reminder_at <= now()
              order by reminder_at limit ${batchSize} for update skip locked
            )
            update tasks t set reminded_at = now() from due where t.id = due.id and t.reminded_at is null
            returning t.id, t.workspace_id, t.assignee_id, t.title, t.due_at`,
      );
      for (const task of due) {
        if (!task.assignee_id) continue;
        await notifyUser(tx, {
          workspaceId: task.workspace_id,
          userId: task.assignee_id,
          kind: 'task_reminder',
          title: `Reminder: ${task.title}`,
          body: task.due_at ? `Due ${new Date(task.due_at).toISOString()}` : '',
          link: `/tasks/${task.id}`,
        });
      }
      return due.length;
    });
    total += sent;
    if (sent < batchSize) return total;
  }
}

/** Runs every minute (schedule `tasks.reminders`, declared in the module's index.ts). */
export const taskRemindersJob = defineJob({
  id: 'tasks.send_reminders',
  version: 1,
  payload: z.object({}),
  handler: async (_payload, job) => ({ reminded: await sendTaskReminders(job.database.db) }),
});
