import { Button, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useMe } from '../auth/use-me.ts';
import type { Task } from '../records/crm-types.ts';
import { fieldErrors } from '../records/field-errors.ts';
import { useMemberOptions } from '../records/record-names.ts';
import { RecordPicker } from '../records/record-picker.tsx';
import { emptyTaskDraft, reminderOptions, type TaskDraft, taskBodyOf, taskDraftOf, taskFormKeys } from './task-draft.ts';
import { useCreateTask, useDeleteTask, useUpdateTask } from './use-tasks.ts';

interface Props {
  opened: boolean;
  onClose: () => void;
  /** Editing this task; absent = a new one. */
  task?: Task;
  /** A new task on this record (the link is fixed). */
  link?: { entityType: 'contact' | 'company' | 'deal'; entityId: string; name?: string };
}

/** Create or edit a task: title, due date and time, priority, assignee, reminder, related record. */
export function TaskFormModal({ opened, onClose, task, link }: Props) {
  const me = useMe();
  const members = useMemberOptions();
  const create = useCreateTask();
  const update = useUpdateTask();
  const remove = useDeleteTask();
  const mutation = task ? update : create;
  const fresh = () => (task ? taskDraftOf(task) : emptyTaskDraft(me.user?.id ?? null, link));
  const [draft, setDraft] = useState<TaskDraft>(fresh);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the dialog opens on another task
  useEffect(() => {
    if (opened) setDraft(fresh());
  }, [opened, task?.id]);
  const set = (p: Partial<TaskDraft>) => setDraft((d) => ({ ...d, ...p }));
  const close = () => {
    onClose();
    setTimeout(() => mutation.reset(), 200);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = taskBodyOf(draft);
    if (task) update.mutate({ id: task.id, body }, { onSuccess: close });
    else create.mutate(body, { onSuccess: close });
  };
  const { byField, unplaced } = fieldErrors(mutation.error, taskFormKeys);
  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650}>{task ? 'Edit task' : 'New task'}</Text>} size="lg">
      <form onSubmit={submit} noValidate aria-label={task ? 'Edit task' : 'New task'}>
        <Stack gap="md">
          {mutation.error != null && unplaced && <ErrorAlert error={mutation.error} title="Could not save the task" />}
          <TextInput
            label="Title"
            required
            placeholder="e.g. Send the proposal"
            value={draft.title}
            onChange={(e) => set({ title: e.currentTarget.value })}
            error={byField.title}
            data-autofocus
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput
              label="Due date"
              type="date"
              value={draft.dueDate}
              onChange={(e) => set({ dueDate: e.currentTarget.value })}
              error={byField.dueAt}
            />
            <TextInput
              label="Time"
              type="time"
              value={draft.dueTime}
              onChange={(e) => set({ dueTime: e.currentTarget.value })}
              disabled={!draft.dueDate}
            />
            <Select
              label="Reminder"
              data={reminderOptions}
              value={draft.remindBefore}
              onChange={(v) => set({ remindBefore: v ?? 'none' })}
              disabled={!draft.dueDate}
              error={byField.reminderAt}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select
              label="Assignee"
              data={members}
              value={draft.assigneeId}
              onChange={(assigneeId) => set({ assigneeId })}
              searchable
              error={byField.assigneeId}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                Priority
              </Text>
              <SegmentedControl
                value={draft.priority}
                onChange={(v) => set({ priority: v as TaskDraft['priority'] })}
                data={[
                  { value: 'low', label: 'Low' },
                  { value: 'normal', label: 'Normal' },
                  { value: 'high', label: 'High' },
                ]}
                aria-label="Priority"
              />
            </Stack>
          </SimpleGrid>
          {link ? (
            <Text size="sm" c="dimmed">
              On {link.entityType} <b>{link.name ?? ''}</b>
            </Text>
          ) : (
            <Group gap="sm" align="flex-end" grow>
              <Select
                label="Related to"
                data={[
                  { value: 'contact', label: 'Contact' },
                  { value: 'company', label: 'Company' },
                ]}
                value={draft.entityType}
                onChange={(v) => set({ entityType: v as TaskDraft['entityType'], entityId: null })}
                clearable
                allowDeselect
                placeholder="Nothing"
                maw={160}
              />
              {draft.entityType && draft.entityType !== 'deal' && (
                <RecordPicker
                  entity={draft.entityType}
                  aria-label="Record"
                  placeholder="Search…"
                  value={draft.entityId}
                  onChange={(entityId) => set({ entityId })}
                  error={byField.entityId}
                />
              )}
            </Group>
          )}
          <Textarea
            label="Notes"
            autosize
            minRows={2}
            maxRows={8}
            value={draft.notes}
            onChange={(e) => set({ notes: e.currentTarget.value })}
            error={byField.notes}
          />
          <Group justify="space-between">
            {task ? (
              <ConfirmButton
                title="Delete this task?"
                message="It disappears from every list. This cannot be undone."
                confirmLabel="Delete task"
                onConfirm={() => remove.mutateAsync(task.id).then(close)}
              >
                Delete
              </ConfirmButton>
            ) : (
              <span />
            )}
            <Group gap="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {task ? 'Save task' : 'Create task'}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
