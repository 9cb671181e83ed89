import { Badge, Checkbox, Group, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlarm, IconFlag } from '@tabler/icons-react';
import { useState } from 'react';
import { api, errorMessage, queryClient } from '../../lib/api/index.ts';
import type { Task } from '../records/crm-types.ts';
import { formatShortDateTime } from '../records/format.ts';
import { RecordName } from '../records/record-link.tsx';
import classes from './tasks.module.css';
import { useSetTaskDone } from './use-tasks.ts';

const timeFmt = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });
const dayFmt = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });

/** "Today 17:00", "Tomorrow 09:00", "Fri 3 May", with a tone for overdue and today. */
export function dueLabel(dueAt: string, now = new Date()): { text: string; color?: string } {
  const due = new Date(dueAt);
  const day = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const diff = Math.round((day(due) - day(now)) / 86_400_000);
  if (due < now && diff < 0) return { text: diff === -1 ? `Yesterday ${timeFmt.format(due)}` : dayFmt.format(due), color: 'red' };
  if (diff === 0) return { text: `Today ${timeFmt.format(due)}`, color: due < now ? 'red' : 'orange' };
  if (diff === 1) return { text: `Tomorrow ${timeFmt.format(due)}` };
  return { text: dayFmt.format(due) };
}

/** One task: a checkbox to complete it (with undo), its title (opens the editor), record, due and priority. */
export function TaskRow({ task, onEdit, showRecord = true }: { task: Task; onEdit: (t: Task) => void; showRecord?: boolean }) {
  const setDone = useSetTaskDone();
  const [done, setLocalDone] = useState(task.status === 'completed');
  const toggle = (on: boolean) => {
    setLocalDone(on);
    // mutateAsync, not mutate's callbacks: the row leaves its group (and unmounts) as soon as the list refreshes.
    setDone
      .mutateAsync({ id: task.id, done: on })
      .then(() => {
        if (!on) return;
        const id = `task-${task.id}`;
        notifications.show({
          id,
          color: 'teal',
          title: 'Task completed',
          message: (
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm" truncate="end">
                {task.title}
              </Text>
              <UnstyledButton
                className={classes.undo}
                onClick={() => {
                  notifications.hide(id);
                  // The row may be gone by now, so undo does not go through its hooks.
                  void api
                    .post(`/api/tasks/${task.id}/reopen`)
                    .then(() => Promise.all(['tasks', 'timeline'].map((k) => queryClient.invalidateQueries({ queryKey: [k] }))));
                }}
              >
                Undo
              </UnstyledButton>
            </Group>
          ),
        });
      })
      .catch((err) => {
        setLocalDone(!on);
        notifications.show({ color: 'red', title: 'Could not change the task', message: errorMessage(err) });
      });
  };
  const due = task.dueAt ? dueLabel(task.dueAt) : null;
  return (
    <Group className={classes.row} gap="sm" wrap="nowrap" data-done={done || undefined} data-testid="task-row">
      <Checkbox
        radius="xl"
        checked={done}
        onChange={(e) => toggle(e.currentTarget.checked)}
        aria-label={`${done ? 'Reopen' : 'Complete'} ${task.title}`}
      />
      <div style={{ flex: 1, minWidth: 0 }}>
        <UnstyledButton onClick={() => onEdit(task)} className={classes.title} aria-label={`Edit task ${task.title}`}>
          <Text size="sm" fw={500} td={done ? 'line-through' : undefined} c={done ? 'dimmed' : undefined} truncate="end">
            {task.title}
          </Text>
        </UnstyledButton>
        {showRecord && task.entityId && (task.entityType === 'contact' || task.entityType === 'company') && (
          <Text size="xs" c="dimmed" truncate="end">
            {task.entityType === 'contact' ? 'Contact' : 'Company'}: <RecordName entity={task.entityType} id={task.entityId} fw={500} />
          </Text>
        )}
      </div>
      {task.priority === 'high' && (
        <Badge color="red" variant="light" size="sm" leftSection={<IconFlag size={11} />}>
          High
        </Badge>
      )}
      {task.reminderAt && !task.remindedAt && (
        <IconAlarm size={15} color="var(--mantine-color-dimmed)" aria-label={`Reminder ${formatShortDateTime(task.reminderAt)}`} />
      )}
      {due && (
        <Text
          size="xs"
          c={due.color ?? 'dimmed'}
          fw={due.color ? 600 : 400}
          className="tabular"
          style={{ whiteSpace: 'nowrap' }}
          title={formatShortDateTime(task.dueAt!)}
        >
          {due.text}
        </Text>
      )}
    </Group>
  );
}
