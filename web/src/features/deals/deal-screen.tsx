import { Badge, Breadcrumbs, Grid, Group, Paper, Select, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconClockExclamation, IconFileOff } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { ApiError, errorMessage } from '../../lib/api/index.ts';
import { usePermissions } from '../auth/use-me.ts';
import { DealQuotes } from '../quotes/deal-quotes.tsx';
import { ActivityComposer } from '../records/activity-composer.tsx';
import { useMemberOptions } from '../records/record-names.ts';
import { RecordTimeline } from '../records/record-timeline.tsx';
import { RecordTasks } from '../tasks/record-tasks.tsx';
import { DealContactsCard } from './deal-contacts-card.tsx';
import { DealDetailsCard } from './deal-details-card.tsx';
import type { DealDetail } from './deal-types.ts';
import { formatDuration } from './duration.ts';
import { formatMinor } from './money.ts';
import { MoveRequirementsModal, type PendingMove } from './move-requirements-modal.tsx';
import { StageHistoryCard } from './stage-history-card.tsx';
import { useDeal, useDeleteDeal, useMoveDeal, usePipelines, useUpdateDeal } from './use-deals.ts';

function DealHeader({ deal }: { deal: DealDetail }) {
  const can = usePermissions();
  const pipelines = usePipelines();
  const members = useMemberOptions();
  const move = useMoveDeal();
  const update = useUpdateDeal(deal.id);
  const [pending, setPending] = useState<PendingMove | null>(null);
  useEffect(() => {
    document.title = `${deal.name} · Tandem`;
  }, [deal.name]);
  const stages = pipelines.data?.find((p) => p.id === deal.pipelineId)?.stages ?? [];
  const moveTo = (stageId: string, fields: Record<string, unknown> = {}) => {
    const stage = stages.find((s) => s.id === stageId)!;
    const p = { dealId: deal.id, dealName: deal.name, currency: deal.currency, stageId, stageName: stage.name };
    move.mutate(
      { id: deal.id, stageId, ...fields },
      {
        onSuccess: () => {
          setPending(null);
          notifications.show({ color: 'teal', message: `Moved to ${stage.name}` });
        },
        onError: (err) => {
          if (err instanceof ApiError && err.code === 'stage_requirements_missing')
            setPending({ ...p, missing: (err.details as { missing?: string[] }).missing ?? [] });
          else notifications.show({ color: 'red', title: 'Could not move the deal', message: errorMessage(err) });
        },
      },
    );
  };
  return (
    <Stack gap="md" mb="lg">
      <Breadcrumbs>
        <AnchorLink to="/deals" search={{ pipeline: deal.pipelineId }} size="sm">
          {deal.pipelineName}
        </AnchorLink>
        <Text size="sm" c="dimmed" truncate="end" maw={300}>
          {deal.name}
        </Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="lg">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title order={1} style={{ wordBreak: 'break-word' }}>
            {deal.name}
          </Title>
          <Group gap={8}>
            <Text fw={600}>{deal.amount === null ? 'No amount' : formatMinor(deal.amount, deal.currency)}</Text>
            <Badge variant="light" tt="none" color={deal.status === 'won' ? 'teal' : deal.status === 'lost' ? 'red' : 'blue'}>
              {deal.stage.name} · {deal.stage.probability}%
            </Badge>
            <Text size="sm" c="dimmed">
              {formatDuration(deal.secondsInStage)} in stage
            </Text>
            {deal.rotting && (
              <Badge color="orange" variant="light" tt="none" leftSection={<IconClockExclamation size={12} />}>
                Rotting
              </Badge>
            )}
            {deal.nextStep && (
              <Text size="sm">
                Next: <b>{deal.nextStep}</b>
              </Text>
            )}
          </Group>
        </Stack>
        <Group gap="sm" align="flex-end">
          <Select
            label="Stage"
            w={200}
            data={stages.map((s) => ({ value: s.id, label: s.name }))}
            value={deal.stageId}
            allowDeselect={false}
            disabled={!can('deals:write') || move.isPending}
            onChange={(v) => v && v !== deal.stageId && moveTo(v)}
          />
          <Select
            label="Owner"
            w={200}
            data={members}
            value={deal.ownerId}
            placeholder="No owner"
            clearable
            searchable
            disabled={!can('deals:write')}
            onChange={(ownerId) =>
              update.mutate({ ownerId }, { onError: (err) => notifications.show({ color: 'red', message: errorMessage(err) }) })
            }
          />
        </Group>
      </Group>
      <MoveRequirementsModal
        pending={pending}
        busy={move.isPending}
        onCancel={() => setPending(null)}
        onSubmit={(fields) => pending && moveTo(pending.stageId, fields)}
      />
    </Stack>
  );
}

/** A deal's page: fields, contacts with roles, stage history, activities, tasks and the timeline. */
export function DealScreen({ id, quoteId }: { id: string; quoteId?: string }) {
  const deal = useDeal(id);
  const can = usePermissions();
  const remove = useDeleteDeal();
  const navigate = useNavigate();
  if (deal.isPending)
    return (
      <Stack gap="lg" aria-busy="true" aria-label="Loading the deal">
        <Skeleton height={60} width="40%" />
        <Skeleton height={400} radius="lg" />
      </Stack>
    );
  if (deal.isError) {
    if (deal.error instanceof ApiError && deal.error.status === 404)
      return (
        <Paper>
          <Empty
            icon={<IconFileOff size={26} />}
            title="This deal does not exist"
            description="It may have been deleted, or you may not have access to it."
            action={<ButtonLink to="/deals">Go to deals</ButtonLink>}
          />
        </Paper>
      );
    return <ErrorAlert error={deal.error} title="Could not load the deal" onRetry={() => deal.refetch()} />;
  }
  const d = deal.data;
  const canWrite = can('deals:write');
  return (
    <>
      <DealHeader deal={d} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <DealDetailsCard key={d.updatedAt} deal={d} canWrite={canWrite} />
            <DealContactsCard deal={d} canWrite={canWrite} />
            {can('deals:delete') && (
              <Group justify="center">
                <ConfirmButton
                  title={`Delete ${d.name}?`}
                  message="The deal disappears from the board, lists and totals."
                  confirmLabel="Delete deal"
                  onConfirm={() => remove.mutateAsync(d.id).then(() => navigate({ to: '/deals' }))}
                >
                  Delete deal
                </ConfirmButton>
              </Group>
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Tabs defaultValue={quoteId ? 'quotes' : 'activity'} keepMounted={false}>
            <Tabs.List mb="md">
              <Tabs.Tab value="activity">Activity</Tabs.Tab>
              {can('quotes:read') && <Tabs.Tab value="quotes">Quotes</Tabs.Tab>}
            </Tabs.List>
            <Tabs.Panel value="activity">
              <Stack gap="lg">
                <StageHistoryCard dealId={d.id} />
                <ActivityComposer entity="deal" id={d.id} />
                <RecordTasks entity="deal" id={d.id} name={d.name} />
                <RecordTimeline entity="deal" id={d.id} />
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="quotes">
              <DealQuotes dealId={d.id} currency={d.currency} initialQuoteId={quoteId} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
      </Grid>
    </>
  );
}
