import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestWorkspace } from '../../../apps/test-kit.ts';
import type { TestPlatform } from '../../../kernel/testing/index.ts';
import { createTask } from '../use-cases/create-task.ts';
import { getMyTasks } from './get-my-tasks.ts';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A workspace in `timezone` with one task per due time; returns each task's group at `now`. */
async function groupsAt(timezone: string, now: string, due: Record<string, string>) {
  const ws = await createTestWorkspace(t);
  await ws.admin.api.patch('/api/workspace', { timezone });
  for (const [title, dueAt] of Object.entries(due)) await createTask(ws.admin.ctx, { title, dueAt });
  const res = await getMyTasks(ws.admin.ctx, { now: new Date(now) });
  const where: Record<string, string> = {};
  for (const [group, { items }] of Object.entries(res.groups)) for (const task of items) where[task.title] = group;
  return { where, today: res.today, timezone: res.timezone };
}

describe('my tasks by day in the workspace time zone', () => {
  it('uses Tokyo’s day half an hour before Tokyo midnight, where UTC is still mid-afternoon', async () => {
    // 2024-06-01T14:30Z is 23:30 on June 1 in Tokyo (UTC+9).
    const r = await groupsAt('Asia/Tokyo', '2024-06-01T14:30:00Z', {
      lastNight: '2024-05-31T14:00:00Z', // 23:00 May 31 Tokyo: overdue (UTC would call it yesterday too)
      earlyToday: '2024-05-31T16:00:00Z', // 01:00 June 1 Tokyo: today (UTC would say May 31, overdue)
      pastButToday: '2024-06-01T10:00:00Z', // 19:00 June 1 Tokyo: today, though already past
      afterMidnight: '2024-06-01T15:30:00Z', // 00:30 June 2 Tokyo: upcoming (UTC would say today)
    });
    expect(r).toEqual({
      timezone: 'Asia/Tokyo',
      today: '2024-06-01',
      where: { lastNight: 'overdue', earlyToday: 'today', pastButToday: 'today', afterMidnight: 'upcoming' },
    });
  });

  it('uses New York’s day just after UTC midnight, when New York is still on the previous evening', async () => {
    // 2024-03-10T04:30Z is 23:30 on March 9 in New York (EST, UTC-5), hours before the DST switch.
    const r = await groupsAt('America/New_York', '2024-03-10T04:30:00Z', {
      thisEvening: '2024-03-10T03:00:00Z', // 22:00 March 9 New York: today (UTC says March 10 too)
      morning: '2024-03-09T14:00:00Z', // 09:00 March 9 New York: today
      tomorrow: '2024-03-10T06:00:00Z', // 01:00 March 10 New York: upcoming (UTC would say today)
      dayBefore: '2024-03-09T04:00:00Z', // 23:00 March 8 New York: overdue
    });
    expect(r.today).toBe('2024-03-09');
    expect(r.where).toEqual({ thisEvening: 'today', morning: 'today', tomorrow: 'upcoming', dayBefore: 'overdue' });
  });

  it('puts a task due at exactly midnight into the day that starts then', async () => {
    const r = await groupsAt('Europe/Berlin', '2024-01-15T22:59:00Z', {
      midnight: '2024-01-15T23:00:00Z',
      justBefore: '2024-01-15T22:59:59Z',
    });
    expect(r.where).toEqual({ midnight: 'upcoming', justBefore: 'today' });
  });
});
