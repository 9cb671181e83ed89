import { ActionIcon, Alert, Button, Group, NumberInput, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconArrowsHorizontal, IconChevronLeft, IconChevronRight, IconTarget } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ButtonLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { usePermissions } from '../auth/use-me.ts';
import { formatMinor, fromMinor, toMinor } from '../deals/money.ts';
import { useTeams } from '../routing/use-routing.ts';
import { useMembers } from '../users/use-members.ts';
import { useWorkspace } from '../workspace/use-workspace.ts';
import type { QuotaItem } from './forecast-types.ts';
import { useQuotas, useSetQuotas } from './use-forecasts.ts';

const monthsOf = (year: number) => Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
const monthName = (m: string) =>
  new Date(Number(m.slice(0, 4)), Number(m.slice(5)) - 1, 1).toLocaleDateString(undefined, { month: 'short' });

/** The name column stays in view while the months scroll sideways. */
const sticky = { position: 'sticky', left: 0, zIndex: 1, background: 'var(--mantine-color-body)', minWidth: 200 } as const;

interface Subject {
  type: 'user' | 'team';
  id: string;
  name: string;
}

/** Quotas of reps and teams per month of a year, edited as a grid and saved in one request. */
export function QuotasScreen({ year, onYear }: { year: number; onYear: (y: number) => void }) {
  const months = monthsOf(year);
  const quotas = useQuotas(months[0]!, months[11]!);
  const members = useMembers();
  const teams = useTeams();
  const workspace = useWorkspace();
  const currency = workspace.data?.currency ?? 'USD';
  const can = usePermissions();
  const editable = can('quotas:manage');
  const save = useSetQuotas();
  const [edits, setEdits] = useState<Map<string, string | number>>(new Map());
  const saved = useMemo(
    () => new Map((quotas.data ?? []).map((q) => [`${q.subjectType}:${q.subjectId}:${q.period}`, q.amount])),
    [quotas.data],
  );
  const quarterly = (quotas.data ?? []).filter((q) => q.period.includes('Q')).length;
  const subjects: Subject[] = [
    ...(members.data ?? [])
      .filter((m) => m.role === 'sales_rep' || m.role === 'sales_manager' || m.role === 'admin')
      .map((m) => ({ type: 'user' as const, id: m.id, name: m.name })),
    ...(teams.data ?? []).map((t) => ({ type: 'team' as const, id: t.id, name: t.name })),
  ];
  const key = (s: Subject, m: string) => `${s.type}:${s.id}:${m}`;
  const value = (s: Subject, m: string) => (edits.has(key(s, m)) ? edits.get(key(s, m))! : fromMinor(saved.get(key(s, m)), currency));
  const set = (k: string, v: string | number) => setEdits((prev) => new Map(prev).set(k, v));
  const changed: QuotaItem[] = [...edits].flatMap(([k, v]) => {
    const [type, id, period] = k.split(':') as ['user' | 'team', string, string];
    const minor = toMinor(v, currency);
    if (Number.isNaN(minor) || minor === (saved.get(k) ?? null)) return [];
    return [{ subjectType: type, subjectId: id, period, amount: minor }];
  });
  const fillRow = (s: Subject) => {
    const first = months.map((m) => value(s, m)).find((v) => v !== '');
    if (first === undefined) return;
    setEdits((prev) => {
      const next = new Map(prev);
      for (const m of months) next.set(key(s, m), first);
      return next;
    });
  };
  const loading = quotas.isPending || members.isPending || teams.isPending || workspace.isPending;
  const error = quotas.error ?? members.error ?? teams.error ?? workspace.error;
  return (
    <Stack gap="lg">
      <PageHeader
        title="Quotas"
        description={`Monthly targets per rep and team in ${currency}. A quarter’s quota is the sum of its months; a team without its own quota adds up its reps’.`}
        actions={
          <ButtonLink to="/forecasts" search={{}} variant="default">
            Back to forecast
          </ButtonLink>
        }
      />
      <Group justify="space-between">
        <Group gap="xs">
          <ActionIcon variant="default" size="lg" aria-label="Previous year" onClick={() => onYear(year - 1)}>
            <IconChevronLeft size={16} />
          </ActionIcon>
          <Text fw={600} miw={60} ta="center" aria-live="polite">
            {year}
          </Text>
          <ActionIcon variant="default" size="lg" aria-label="Next year" onClick={() => onYear(year + 1)}>
            <IconChevronRight size={16} />
          </ActionIcon>
        </Group>
        {editable && (
          <Group gap="sm">
            <Text size="sm" c="dimmed" aria-live="polite">
              {changed.length ? `${changed.length} unsaved change${changed.length === 1 ? '' : 's'}` : 'All saved'}
            </Text>
            <Button variant="default" disabled={!edits.size || save.isPending} onClick={() => setEdits(new Map())}>
              Discard
            </Button>
            <Button
              disabled={!changed.length}
              loading={save.isPending}
              onClick={() => save.mutate(changed, { onSuccess: () => setEdits(new Map()) })}
            >
              Save quotas
            </Button>
          </Group>
        )}
      </Group>
      {save.error && <ErrorAlert error={save.error} title="Quotas not saved (nothing was changed)" />}
      {quarterly > 0 && (
        <Alert variant="light" color="blue">
          {quarterly} quarterly quota{quarterly === 1 ? '' : 's'} set through the API also apply this year; they take precedence over the
          months of their quarter.
        </Alert>
      )}
      {loading ? (
        <LoadingCard label="Loading quotas" rows={6} />
      ) : error ? (
        <ErrorAlert error={error} title="Could not load quotas" onRetry={() => quotas.refetch()} />
      ) : subjects.length === 0 ? (
        <Paper>
          <Empty
            icon={<IconTarget />}
            title="No sales reps or teams yet"
            description="Quotas are set per seller (admins, sales managers and reps) and per team. Invite your sales team under Settings → Users & invites."
            action={
              <ButtonLink to="/settings/users" variant="light">
                Invite people
              </ButtonLink>
            }
          />
        </Paper>
      ) : (
        <TableCard label={`Quotas ${year}`} minWidth={1400}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={sticky}>Rep / team</Table.Th>
              {months.map((m) => (
                <Table.Th key={m} ta="right">
                  {monthName(m)}
                </Table.Th>
              ))}
              <Table.Th ta="right">Year</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {subjects.map((s) => {
              const total = months.reduce((sum, m) => sum + (toMinor(value(s, m), currency) || 0), 0);
              return (
                <Table.Tr key={`${s.type}:${s.id}`} data-testid="quota-row" data-name={s.name}>
                  <Table.Td style={sticky}>
                    <Group gap={4} wrap="nowrap">
                      <Text size="sm" fw={s.type === 'team' ? 650 : 500}>
                        {s.name}
                      </Text>
                      {s.type === 'team' && (
                        <Text size="xs" c="dimmed">
                          (team)
                        </Text>
                      )}
                      {editable && (
                        <Tooltip label="Copy the first month to every month">
                          <ActionIcon
                            variant="subtle"
                            size="sm"
                            aria-label={`Same quota every month for ${s.name}`}
                            onClick={() => fillRow(s)}
                          >
                            <IconArrowsHorizontal size={14} />
                          </ActionIcon>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                  {months.map((m) => (
                    <Table.Td key={m} p={4}>
                      <NumberInput
                        size="xs"
                        w={84}
                        min={0}
                        hideControls
                        thousandSeparator=","
                        readOnly={!editable}
                        aria-label={`Quota of ${s.name} for ${monthName(m)} ${year}`}
                        value={value(s, m)}
                        onChange={(v) => set(key(s, m), v)}
                        styles={{ input: { textAlign: 'right', fontWeight: edits.has(key(s, m)) ? 650 : undefined } }}
                      />
                    </Table.Td>
                  ))}
                  <Table.Td ta="right">
                    <Text size="sm" fw={550}>
                      {formatMinor(total, currency)}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </TableCard>
      )}
    </Stack>
  );
}
