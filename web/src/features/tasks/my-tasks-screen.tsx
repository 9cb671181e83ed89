import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChecklist, IconPlus } from '@tabler/icons-react';
import { type FormEvent, useEffect, useState } from 'react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadingCard } from '../../components/table-card.tsx';
import { usePermissions } from '../auth/use-me.ts';
import type { MyTasks, Task } from '../records/crm-types.ts';
import { emptyTaskDraft, taskBodyOf } from './task-draft.ts';
import { TaskFormModal } from './task-form-modal.tsx';
import { TaskRow } from './task-row.tsx';
import classes from './tasks.module.css';
import { useCreateTask, useMyCompletedTasks, useMyTasks, useTask } from './use-tasks.ts';

type GroupKey = keyof MyTasks['groups'];
const groups: { key: GroupKey; title: string; color: string; empty: string }[] = [
  { key: 'overdue', title: 'Overdue', color: 'red', empty: '' },
  { key: 'today', title: 'Today', color: 'orange', empty: 'Nothing due today.' },
  { key: 'upcoming', title: 'Upcoming', color: 'brand', empty: 'Nothing scheduled yet.' },
  { key: 'noDate', title: 'No date', color: 'gray', empty: '' },
];

function TaskGroup({
  title,
  color,
  total,
  items,
  empty,
  onEdit,
}: {
  title: string;
  color: string;
  total: number;
  items: Task[];
  empty: string;
  onEdit: (t: Task) => void;
}) {
  return (
    <Paper p={0} style={{ overflow: 'hidden' }} component="section" aria-label={title}>
      <Group className={classes.groupHeader} justify="space-between">
        <Title order={2} fz="sm">
          {title}
        </Title>
        <Badge color={color} variant="light" className="tabular">
          {total}
        </Badge>
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed" px="md" py="sm">
          {empty}
        </Text>
      ) : (
        items.map((t) => <TaskRow key={t.id} task={t} onEdit={onEdit} />)
      )}
      {total > items.length && (
        <Text size="xs" c="dimmed" px="md" py="xs">
          and {total - items.length} more
        </Text>
      )}
    </Paper>
  );
}

/** A one-line "add a task for today" box: type, Enter. */
function QuickAdd() {
  const create = useCreateTask();
  const [title, setTitle] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!title.trim()) return;
    create.mutate({ ...taskBodyOf(emptyTaskDraft(null)), assigneeId: undefined, title: title.trim() }, { onSuccess: () => setTitle('') });
  };
  return (
    <form onSubmit={submit} aria-label="Quick add a task">
      <TextInput
        placeholder="Add a task due today, then press Enter"
        aria-label="Quick add a task"
        leftSection={<IconPlus size={16} />}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        error={create.error ? (create.error as Error).message : undefined}
        disabled={create.isPending}
        size="md"
      />
    </form>
  );
}

/** My tasks: overdue, today, upcoming and undated, complete with a checkbox; recently completed below. `taskId` opens one (from a notification). */
export function MyTasksScreen({ taskId }: { taskId?: string }) {
  const mine = useMyTasks();
  const completed = useMyCompletedTasks();
  const can = usePermissions();
  const [opened, { open, close }] = useDisclosure(false);
  const [editing, setEditing] = useState<Task | undefined>();
  const edit = (t?: Task) => {
    setEditing(t);
    open();
  };
  const linked = useTask(taskId);
  // biome-ignore lint/correctness/useExhaustiveDependencies: open the linked task once it has loaded
  useEffect(() => {
    if (linked.data) edit(linked.data);
  }, [linked.data?.id]);
  const canWrite = can('tasks:write');
  const newTask = canWrite && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => edit()}>
      New task
    </Button>
  );
  const g = mine.data?.groups;
  const openCount = g ? g.overdue.total + g.today.total + g.upcoming.total + g.noDate.total : 0;
  return (
    <>
      <PageHeader
        title="My tasks"
        description="What you need to do, by when. Tick a task off when it is done; undo if you were too quick."
        actions={newTask}
      />
      {canWrite && <TaskFormModal opened={opened} onClose={close} task={editing} />}
      {mine.isPending ? (
        <LoadingCard label="Loading your tasks" rows={6} />
      ) : mine.isError ? (
        <ErrorAlert error={mine.error} title="Could not load your tasks" onRetry={() => mine.refetch()} />
      ) : (
        <Stack gap="lg">
          {canWrite && <QuickAdd />}
          {openCount === 0 ? (
            <Paper>
              <Empty
                icon={<IconChecklist size={26} />}
                title="You are all caught up"
                description="No open tasks. Add one above, or create tasks from a contact or company page so follow-ups are never missed."
              />
            </Paper>
          ) : (
            <SimpleGrid cols={1} spacing="lg">
              {groups.map((grp) => {
                const data = mine.data.groups[grp.key];
                if (data.total === 0 && !grp.empty) return null;
                return (
                  <TaskGroup
                    key={grp.key}
                    title={grp.title}
                    color={grp.color}
                    total={data.total}
                    items={data.items}
                    empty={grp.empty}
                    onEdit={edit}
                  />
                );
              })}
            </SimpleGrid>
          )}
          {(completed.data?.length ?? 0) > 0 && (
            <TaskGroup
              title="Recently completed"
              color="teal"
              total={completed.data!.length}
              items={completed.data!}
              empty=""
              onEdit={edit}
            />
          )}
        </Stack>
      )}
    </>
  );
}
