import { Badge, Breadcrumbs, Button, Grid, Group, Paper, Skeleton, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconFileOff, IconPencil } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { DateRange } from '../../components/date-range.tsx';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { ApiError } from '../../lib/api/index.ts';
import { usePermissions } from '../auth/use-me.ts';
import { formatMinor } from '../deals/money.ts';
import { useWorkspace } from '../workspace/use-workspace.ts';
import { AssetsCard } from './assets-card.tsx';
import { CampaignFormModal } from './campaign-form-modal.tsx';
import type { Model } from './campaign-types.ts';
import { channelLabels, statusColors, statusLabels } from './labels.ts';
import { GoalsCard, RoiCard } from './performance-cards.tsx';
import { SpendCard } from './spend-card.tsx';
import { TouchpointsCard } from './touchpoints-card.tsx';
import { useCampaign, useDeleteCampaign } from './use-campaigns.ts';
import { UtmCard } from './utm-card.tsx';

/** One campaign: details, ROI by model, goals, spend, tracked links, assets and touchpoints. */
export function CampaignScreen({ id }: { id: string }) {
  const can = usePermissions();
  const campaign = useCampaign(id);
  const workspace = useWorkspace();
  const remove = useDeleteCampaign();
  const navigate = useNavigate();
  const [editing, setEditing] = useState(false);
  const [model, setModel] = useState<Model>('linear');
  const c = campaign.data;
  useEffect(() => {
    if (c) document.title = `${c.name} · Tandem`;
  }, [c]);
  if (campaign.isPending) return <Skeleton height={200} aria-busy="true" aria-label="Loading campaign" />;
  if (campaign.isError)
    return campaign.error instanceof ApiError && campaign.error.status === 404 ? (
      <Empty
        icon={<IconFileOff size={28} />}
        title="Campaign not found"
        description="It may have been deleted."
        action={<ButtonLink to="/campaigns">All campaigns</ButtonLink>}
      />
    ) : (
      <ErrorAlert error={campaign.error} onRetry={() => campaign.refetch()} />
    );
  const currency = workspace.data?.currency ?? 'USD';
  const canWrite = can('campaigns:write');
  return (
    <>
      <Stack gap="md" mb="lg">
        <Breadcrumbs>
          <AnchorLink to="/campaigns" size="sm">
            Campaigns
          </AnchorLink>
          <Text size="sm" c="dimmed" truncate="end" maw={300}>
            {c!.name}
          </Text>
        </Breadcrumbs>
        <Group justify="space-between" align="flex-start" wrap="wrap">
          <Stack gap={6}>
            <Title order={1}>{c!.name}</Title>
            <Group gap="xs">
              <Badge variant="light" color={statusColors[c!.status]} tt="none">
                {statusLabels[c!.status]}
              </Badge>
              <Badge variant="outline" tt="none">
                {channelLabels[c!.channel]}
              </Badge>
              <Text size="sm" c="dimmed" ff="monospace">
                utm_campaign={c!.slug}
              </Text>
            </Group>
          </Stack>
          <Group gap="sm">
            {canWrite && (
              <Button variant="default" leftSection={<IconPencil size={16} />} onClick={() => setEditing(true)}>
                Edit
              </Button>
            )}
            {can('campaigns:delete') && (
              <ConfirmButton
                variant="default"
                color="red"
                title="Delete this campaign?"
                message="Its spend, tracked links list and touchpoints are deleted too, and reports change. To keep the history, set the status to Completed instead."
                confirmLabel="Delete campaign"
                onConfirm={async () => {
                  await remove.mutateAsync(c!.id);
                  notifications.show({ color: 'teal', message: 'Campaign deleted' });
                  navigate({ to: '/campaigns' });
                }}
              >
                Delete
              </ConfirmButton>
            )}
          </Group>
        </Group>
      </Stack>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <RoiCard campaign={c!} model={model} onModel={setModel} />
            <SpendCard campaign={c!} currency={currency} canWrite={canWrite} />
            <UtmCard campaign={c!} canWrite={canWrite} />
            <TouchpointsCard campaignId={c!.id} canWrite={canWrite} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Paper p="lg">
              <Title order={2} size="h4" mb="sm">
                Details
              </Title>
              <Stack gap={6}>
                <Text size="sm">
                  <Text span c="dimmed">
                    Owner:{' '}
                  </Text>
                  {c!.ownerName ?? 'Nobody'}
                </Text>
                <Text size="sm">
                  <Text span c="dimmed">
                    Dates:{' '}
                  </Text>
                  <DateRange from={c!.startDate} to={c!.endDate} missingFrom="not set" missingTo="open" />
                </Text>
                <Text size="sm">
                  <Text span c="dimmed">
                    Budget:{' '}
                  </Text>
                  {c!.budgetAmount === null ? 'not set' : formatMinor(c!.budgetAmount, c!.budgetCurrency)}
                </Text>
                {c!.description && (
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                    {c!.description}
                  </Text>
                )}
              </Stack>
            </Paper>
            <GoalsCard campaign={c!} model={model} />
            <AssetsCard campaignId={c!.id} canWrite={canWrite} />
          </Stack>
        </Grid.Col>
      </Grid>
      {editing && <CampaignFormModal campaign={c!} opened onClose={() => setEditing(false)} />}
    </>
  );
}
