import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace } from '../../../apps/test-kit.ts';
import { rows } from '../../../kernel/db/index.ts';
import { registeredJobNames, syncSchedules } from '../../../kernel/jobs/index.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { createTask } from '../use-cases/create-task.ts';
import { sendTaskReminders } from './send-task-reminders.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const reminders = (userId: string) =>
  rows<{ title: string; link: string }>(
    t.database.db,
    sql`select title, link from notifications where user_id = ${userId} and kind = 'task_reminder' order by title`,
  );

describe('task reminders', () => {
  it('reminds the assignee of each due task once, even when two runs race, and leaves the rest alone', async () => {
    const ws = await createTestWorkspace(t);
    const rep = await ws.member('sales_rep');
    const due = [];
    for (let i = 0; i < 6; i++)
      due.push(await createTask(ws.admin.ctx, { title: `due ${i}`, assigneeId: rep.userId, reminderAt: ago(5 + i) }));
    await createTask(ws.admin.ctx, { title: 'later', assigneeId: rep.userId, reminderAt: ago(-60) });
    const done = await createTask(ws.admin.ctx, { title: 'done', assigneeId: rep.userId, reminderAt: ago(5) });
    await rep.api.post(`/api/tasks/${done.id}/complete`);
    await createTask(ws.admin.ctx, { title: 'nobody', assigneeId: null, reminderAt: ago(5) });
    await Promise.all([sendTaskReminders(t.database.db), sendTaskReminders(t.database.db)]);
    await sendTaskReminders(t.database.db);
    expect((await reminders(rep.userId)).map((n) => n.title)).toEqual(due.map((d) => `Reminder: ${d.title}`));
    expect((await reminders(rep.userId))[0]!.link).toBe(`/tasks/${due[0]!.id}`);
    const [{ n } = { n: 0 }] = await rows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from tasks where workspace_id = ${ws.workspaceId} and reminded_at is not null`,
    );
    expect(n).toBe(7); // the six due ones and the unassigned one (nobody to tell, but it is done)
  });

  it('reminds again after the reminder time is changed', async () => {
    const ws = await createTestWorkspace(t);
    const task = await createTask(ws.admin.ctx, { title: 'call back', reminderAt: ago(1) });
    await sendTaskReminders(t.database.db);
    await ws.admin.api.patch(`/api/tasks/${task.id}`, { reminderAt: ago(0.5) });
    await sendTaskReminders(t.database.db);
    expect(await reminders(ws.admin.userId)).toHaveLength(2);
  });

  it('is registered for workers and scheduled every minute', async () => {
    expect(registeredJobNames()).toContain('tasks.send_reminders');
    await syncSchedules(t.database.db);
    const [s] = await rows<{ cron: string }>(t.database.db, sql`select cron from job_schedules where name = 'tasks.reminders'`);
    expect(s?.cron).toBe('* * * * *');
  });
});
