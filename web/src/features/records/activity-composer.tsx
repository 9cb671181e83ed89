import { Button, Group, Kbd, Paper, Stack, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarEvent, IconMail, IconNote, IconPhone } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { usePermissions } from '../auth/use-me.ts';
import { type ActivityDraft, type ActivityKind, activityBody, emptyActivity } from './activity-draft.ts';
import { ActivityFields } from './activity-fields.tsx';
import type { CreateActivityBody, TimelineEntity } from './crm-types.ts';
import { fieldErrors } from './field-errors.ts';
import { useLogActivity } from './use-timeline.ts';

const kinds: { value: ActivityKind; label: string; icon: React.ReactNode }[] = [
  { value: 'note', label: 'Note', icon: <IconNote size={15} /> },
  { value: 'call', label: 'Call', icon: <IconPhone size={15} /> },
  { value: 'meeting', label: 'Meeting', icon: <IconCalendarEvent size={15} /> },
  { value: 'email', label: 'Email', icon: <IconMail size={15} /> },
];
const keys = [
  'body',
  'subject',
  'outcome',
  'durationSeconds',
  'occurredAt',
  'startsAt',
  'endsAt',
  'location',
  'from',
  'to',
  'to.0',
  'direction',
];

/** Log a note, call, meeting or email on a record; ⌘/Ctrl+Enter saves. */
export function ActivityComposer({
  entity,
  id,
  defaults,
}: {
  entity: TimelineEntity;
  id: string;
  defaults?: { from?: string; to?: string[] };
}) {
  const can = usePermissions();
  const log = useLogActivity(entity, id);
  const [kind, setKind] = useState<ActivityKind>('note');
  const fresh = () => ({ ...emptyActivity(), from: defaults?.from ?? '', to: defaults?.to ?? [] });
  const [draft, setDraft] = useState<ActivityDraft>(fresh);
  if (!can('activities:write')) return null;
  const set = (p: Partial<ActivityDraft>) => setDraft((d) => ({ ...d, ...p }));
  const label = kinds.find((k) => k.value === kind)!.label;
  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    log.mutate(activityBody(kind, draft, [{ entityType: entity, entityId: id }]) as CreateActivityBody, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: `${label} logged` });
        setDraft(fresh());
      },
    });
  };
  const { byField, unplaced } = fieldErrors(log.error, keys);
  return (
    <Paper p="lg">
      <form
        onSubmit={submit}
        noValidate
        aria-label={`Log a ${label.toLowerCase()}`}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) submit(e);
        }}
      >
        <Tabs
          value={kind}
          onChange={(v) => {
            setKind((v as ActivityKind) ?? 'note');
            log.reset();
          }}
          variant="pills"
          radius="md"
        >
          <Tabs.List mb="md">
            {kinds.map((k) => (
              <Tabs.Tab key={k.value} value={k.value} leftSection={k.icon}>
                {k.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <Stack gap="sm">
          {log.error != null && unplaced && <ErrorAlert error={log.error} title={`Could not log the ${label.toLowerCase()}`} />}
          <ActivityFields kind={kind} draft={draft} set={set} errors={byField} />
          <Group justify="flex-end" gap="sm">
            <Text size="xs" c="dimmed">
              <Kbd size="xs">Ctrl</Kbd> + <Kbd size="xs">Enter</Kbd> to save
            </Text>
            <Button type="submit" loading={log.isPending}>
              Log {label.toLowerCase()}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
