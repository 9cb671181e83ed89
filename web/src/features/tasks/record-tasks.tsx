import { Button, Group, Paper, Skeleton, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { usePermissions } from '../auth/use-me.ts';
import type { Task, TimelineEntity } from '../records/crm-types.ts';
import { TaskFormModal } from './task-form-modal.tsx';
import { TaskRow } from './task-row.tsx';
import classes from './tasks.module.css';
import { useRecordTasks } from './use-tasks.ts';

/** The open tasks on a contact or company, with "Add task". */
export function RecordTasks({ entity, id, name }: { entity: TimelineEntity; id: string; name: string }) {
  const tasks = useRecordTasks(entity, id);
  const can = usePermissions();
  const [opened, { open, close }] = useDisclosure(false);
  const [editing, setEditing] = useState<Task | undefined>();
  const edit = (t?: Task) => {
    setEditing(t);
    open();
  };
  return (
    <Paper p={0} style={{ overflow: 'hidden' }} component="section" aria-label="Tasks">
      <Group className={classes.groupHeader} justify="space-between">
        <Title order={2} fz="h3">
          Tasks
        </Title>
        {can('tasks:write') && (
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => edit()}>
            Add task
          </Button>
        )}
      </Group>
      {tasks.isPending ? (
        <Skeleton height={40} m="md" />
      ) : tasks.isError ? (
        <ErrorAlert error={tasks.error} title="Could not load tasks" onRetry={() => tasks.refetch()} />
      ) : tasks.data.length === 0 ? (
        <Text size="sm" c="dimmed" px="md" py="sm">
          No open tasks. Add one so the next step is not forgotten.
        </Text>
      ) : (
        tasks.data.map((t) => <TaskRow key={t.id} task={t} onEdit={edit} showRecord={false} />)
      )}
      <TaskFormModal
        opened={opened}
        onClose={close}
        task={editing}
        link={editing ? undefined : { entityType: entity, entityId: id, name }}
      />
    </Paper>
  );
}
