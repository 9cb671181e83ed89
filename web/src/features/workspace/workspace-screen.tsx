import { Alert, Button, Group, Paper, Radio, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadingCard } from '../../components/table-card.tsx';
import { ApiError, type Workspace } from '../../lib/api/index.ts';
import { usePermissions } from '../auth/use-me.ts';
import { useUpdateWorkspace, useWorkspace } from './use-workspace.ts';
import { currencyOptions, timezoneOptions, visibilityOptions } from './workspace-options.ts';

type Visibility = 'own' | 'team' | 'all';
type WeekStart = 'monday' | 'sunday';

const formOf = (w: Workspace) => ({
  name: w.name,
  timezone: w.timezone,
  currency: w.currency,
  repVisibility: ((w.settings.repVisibility as string) ?? 'own') as Visibility,
  weekStartsOn: ((w.settings.weekStartsOn as string) ?? 'monday') as WeekStart,
});

function WorkspaceForm({ workspace, canEdit }: { workspace: Workspace; canEdit: boolean }) {
  const update = useUpdateWorkspace();
  const initial = useMemo(() => formOf(workspace), [workspace]);
  const [form, setForm] = useState(initial);
  useEffect(() => setForm(initial), [initial]);
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  const err = update.error instanceof ApiError ? update.error : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!dirty) return;
    update.mutate(
      {
        name: form.name.trim(),
        timezone: form.timezone,
        currency: form.currency,
        settings: { repVisibility: form.repVisibility, weekStartsOn: form.weekStartsOn },
      },
      {
        onSuccess: () =>
          notifications.show({ color: 'teal', title: 'Workspace saved', message: 'Your changes apply to everyone in the workspace.' }),
      },
    );
  };

  return (
    <form onSubmit={submit} aria-label="Workspace settings">
      <Stack gap="lg">
        {!canEdit && (
          <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />}>
            Only admins can change workspace settings.
          </Alert>
        )}
        {update.error != null && <ErrorAlert error={update.error} title="Could not save" />}
        <Paper p="lg">
          <Title order={2} fz="md">
            General
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            The name people see, and the defaults for dates and money.
          </Text>
          <Stack gap="md">
            <TextInput
              label="Workspace name"
              value={form.name}
              onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
              disabled={!canEdit}
              required
              error={err?.fieldError('name')}
              maw={480}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
              <Select
                label="Time zone"
                searchable
                data={timezoneOptions(form.timezone)}
                value={form.timezone}
                onChange={(v) => v && setForm({ ...form, timezone: v })}
                disabled={!canEdit}
                error={err?.fieldError('timezone')}
                nothingFoundMessage="No time zone matches"
                limit={200}
              />
              <Select
                label="Currency"
                description="For deal values and reports"
                searchable
                data={currencyOptions(form.currency)}
                value={form.currency}
                onChange={(v) => v && setForm({ ...form, currency: v })}
                disabled={!canEdit}
                error={err?.fieldError('currency')}
                nothingFoundMessage="No currency matches"
                limit={200}
              />
              <Select
                label="Week starts on"
                data={[
                  { value: 'monday', label: 'Monday' },
                  { value: 'sunday', label: 'Sunday' },
                ]}
                value={form.weekStartsOn}
                onChange={(v) => v && setForm({ ...form, weekStartsOn: v as WeekStart })}
                disabled={!canEdit}
              />
            </SimpleGrid>
          </Stack>
        </Paper>
        <Paper p="lg">
          <Radio.Group
            label={
              <Title order={2} fz="md" component="span">
                Record visibility for sales reps
              </Title>
            }
            description="Admins, managers and marketing always see every record."
            value={form.repVisibility}
            onChange={(v) => setForm({ ...form, repVisibility: v as Visibility })}
          >
            <Stack gap="sm" mt="md">
              {visibilityOptions.map((o) => (
                <Radio.Card key={o.value} value={o.value} p="md" radius="md" disabled={!canEdit}>
                  <Group wrap="nowrap" align="flex-start">
                    <Radio.Indicator />
                    <div>
                      <Text fw={600} size="sm">
                        {o.label}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {o.description}
                      </Text>
                    </div>
                  </Group>
                </Radio.Card>
              ))}
            </Stack>
          </Radio.Group>
        </Paper>
        {canEdit && (
          <Group justify="flex-end" gap="sm">
            <Button variant="default" disabled={!dirty || update.isPending} onClick={() => setForm(initial)}>
              Discard changes
            </Button>
            <Button type="submit" disabled={!dirty || !form.name.trim()} loading={update.isPending}>
              Save changes
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}

/** Settings → Workspace: name, time zone, currency, week start and what sales reps may see. */
export function WorkspaceScreen() {
  const workspace = useWorkspace();
  const can = usePermissions();
  return (
    <>
      <PageHeader title="Workspace" description="Settings that apply to everyone in this workspace." />
      {workspace.isPending ? (
        <LoadingCard rows={3} label="Loading workspace settings" />
      ) : workspace.isError ? (
        <ErrorAlert error={workspace.error} title="Could not load the workspace" onRetry={() => workspace.refetch()} />
      ) : (
        <WorkspaceForm workspace={workspace.data} canEdit={can('workspace:manage')} />
      )}
    </>
  );
}
