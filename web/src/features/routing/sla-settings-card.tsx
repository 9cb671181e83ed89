import {
  Alert,
  Button,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle } from '@tabler/icons-react';
import { type FormEvent, useEffect, useMemo, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { fieldErrors } from '../records/field-errors.ts';
import { useMemberOptions } from '../records/record-names.ts';
import type { BusinessWindow, RoutingSettings } from './routing-types.ts';
import { useUpdateRoutingSettings } from './use-routing.ts';

const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const order = [1, 2, 3, 4, 5, 6, 0];

interface Day {
  open: boolean;
  start: string;
  end: string;
}

const formOf = (s: RoutingSettings) => ({
  enabled: s.enabled,
  fallbackOwnerId: s.fallbackOwnerId,
  slaMinutes: s.slaMinutes,
  week: Object.fromEntries(
    order.map((d) => {
      const w = s.businessHours.find((x) => x.day === d);
      return [d, { open: !!w, start: w?.start ?? '09:00', end: w?.end ?? '17:00' }];
    }),
  ) as Record<number, Day>,
  holidays: s.holidays,
  followUps: s.followUpDays !== null,
  followUpDays: s.followUpDays ?? 7,
  digestHour: s.digestHour,
});

const keys = ['fallbackOwnerId', 'slaMinutes', 'businessHours', 'holidays', 'followUpDays', 'digestHour'];

/** Routing on/off, the fallback owner, the first-touch target with business hours, and daily follow-ups. */
export function SlaSettingsCard({ settings, canEdit }: { settings: RoutingSettings; canEdit: boolean }) {
  const update = useUpdateRoutingSettings();
  const members = useMemberOptions();
  const initial = useMemo(() => formOf(settings), [settings]);
  const [form, setForm] = useState(initial);
  useEffect(() => setForm(initial), [initial]);
  const set = (p: Partial<typeof form>) => setForm((f) => ({ ...f, ...p }));
  const setDay = (d: number, p: Partial<Day>) => set({ week: { ...form.week, [d]: { ...form.week[d]!, ...p } } });
  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  const { byField, unplaced } = fieldErrors(update.error, keys);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const businessHours: BusinessWindow[] = order
      .filter((d) => form.week[d]!.open)
      .map((d) => ({ day: d, start: form.week[d]!.start, end: form.week[d]!.end }));
    update.mutate(
      {
        enabled: form.enabled,
        fallbackOwnerId: form.fallbackOwnerId,
        slaMinutes: form.slaMinutes,
        businessHours,
        holidays: form.holidays,
        followUpDays: form.followUps ? form.followUpDays : null,
        digestHour: form.digestHour,
      },
      {
        onSuccess: () =>
          notifications.show({ color: 'teal', title: 'Routing settings saved', message: 'New leads follow them from now on.' }),
      },
    );
  };
  return (
    <form onSubmit={submit} aria-label="Routing and SLA settings">
      <Stack gap="lg">
        {update.error != null && unplaced && <ErrorAlert error={update.error} title="Could not save" />}
        <Paper p="lg">
          <Title order={2} fz="md">
            Routing
          </Title>
          <Stack gap="md" mt="sm">
            <Switch
              label="Route new leads with the rules below"
              description="Off: a new lead's owner is whoever created it (or the API key's creator)."
              checked={form.enabled}
              onChange={(e) => set({ enabled: e.currentTarget.checked })}
              disabled={!canEdit}
            />
            <Select
              label="Fallback owner"
              description="Gets the leads no rule matched. Leave empty to keep them unassigned in Leads waiting."
              data={members}
              value={form.fallbackOwnerId}
              onChange={(v) => set({ fallbackOwnerId: v })}
              clearable
              searchable
              disabled={!canEdit}
              error={byField.fallbackOwnerId}
              maw={360}
            />
          </Stack>
        </Paper>
        <Paper p="lg">
          <Title order={2} fz="md">
            First-touch target
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            A lead is touched when its owner logs a call, an outbound email or a meeting on it. The clock only runs in business hours
            (workspace time zone: {settings.timezone}).
          </Text>
          <Stack gap="md">
            <NumberInput
              label="Target (business minutes)"
              description={`${(form.slaMinutes / 60).toFixed(form.slaMinutes % 60 ? 1 : 0)} business hour(s)`}
              min={1}
              max={10080}
              value={form.slaMinutes}
              onChange={(v) => set({ slaMinutes: Number(v) || 1 })}
              disabled={!canEdit}
              error={byField.slaMinutes}
              maw={240}
            />
            <Stack gap={6} aria-label="Business hours" role="group">
              <Text size="sm" fw={500}>
                Business hours
              </Text>
              {order.map((d) => (
                <Group key={d} gap="sm" wrap="nowrap">
                  <Checkbox
                    w={130}
                    label={days[d]}
                    checked={form.week[d]!.open}
                    onChange={(e) => setDay(d, { open: e.currentTarget.checked })}
                    disabled={!canEdit}
                  />
                  <TextInput
                    type="time"
                    aria-label={`${days[d]} opens`}
                    value={form.week[d]!.start}
                    onChange={(e) => setDay(d, { start: e.currentTarget.value })}
                    disabled={!canEdit || !form.week[d]!.open}
                    w={120}
                  />
                  <Text size="sm">to</Text>
                  <TextInput
                    type="time"
                    aria-label={`${days[d]} closes`}
                    value={form.week[d]!.end}
                    onChange={(e) => setDay(d, { end: e.currentTarget.value })}
                    disabled={!canEdit || !form.week[d]!.open}
                    w={120}
                  />
                </Group>
              ))}
              {byField.businessHours && (
                <Text size="sm" c="red" role="alert">
                  {byField.businessHours}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                No open day at all means the clock runs around the clock.
              </Text>
            </Stack>
            <TagsInput
              label="Holidays"
              description="Closed all day; type dates like 2026-12-25 and press Enter"
              value={form.holidays}
              onChange={(holidays) => set({ holidays })}
              disabled={!canEdit}
              error={byField.holidays}
              maw={520}
            />
          </Stack>
        </Paper>
        <Paper p="lg">
          <Title order={2} fz="md">
            Follow-ups and daily digest
          </Title>
          <Stack gap="md" mt="sm">
            <Switch
              label="Create a follow-up task for leads that go quiet"
              checked={form.followUps}
              onChange={(e) => set({ followUps: e.currentTarget.checked })}
              disabled={!canEdit}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} maw={520}>
              <NumberInput
                label="Days without activity"
                min={1}
                max={365}
                value={form.followUpDays}
                onChange={(v) => set({ followUpDays: Number(v) || 1 })}
                disabled={!canEdit || !form.followUps}
                error={byField.followUpDays}
              />
              <Select
                label="Daily run and digest at"
                data={Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, '0')}:00` }))}
                value={String(form.digestHour)}
                onChange={(v) => v && set({ digestHour: Number(v) })}
                disabled={!canEdit || !form.followUps}
                allowDeselect={false}
              />
            </SimpleGrid>
            <Text size="xs" c="dimmed">
              Each owner gets one task per quiet lead (once, not every day) and one in-app digest a day.
            </Text>
          </Stack>
        </Paper>
        {canEdit ? (
          <Group justify="flex-end">
            <Button type="submit" disabled={!dirty} loading={update.isPending}>
              Save settings
            </Button>
          </Group>
        ) : (
          <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />}>
            Only admins can change routing settings.
          </Alert>
        )}
      </Stack>
    </form>
  );
}
