import { Badge, Button, Group, Progress, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconChartBar, IconPlus, IconSearch, IconSpeakerphone } from '@tabler/icons-react';
import { useState } from 'react';
import { DateRange } from '../../components/date-range.tsx';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { usePermissions } from '../auth/use-me.ts';
import { formatMinor, formatWhole } from '../deals/money.ts';
import { useWorkspace } from '../workspace/use-workspace.ts';
import { CampaignFormModal } from './campaign-form-modal.tsx';
import { type CampaignListItem, channels, type Model, models, statuses } from './campaign-types.ts';
import { channelLabels, formatRoi, modelLabels, roiColor, statusColors, statusLabels } from './labels.ts';
import { useCampaigns } from './use-campaigns.ts';

/** Spend against budget: a bar that turns orange near the budget and red past it. */
export function BudgetBar({ spend, budget, currency }: { spend: number; budget: number | null; currency: string }) {
  if (!budget) return <Text size="sm">{formatMinor(spend, currency)}</Text>;
  const share = spend / budget;
  return (
    <Tooltip label={`${formatMinor(spend, currency)} of ${formatMinor(budget, currency)} (${Math.round(share * 100)}%)`}>
      <Stack gap={4} miw={140}>
        <Text size="xs">
          {formatMinor(spend, currency, true)} / {formatMinor(budget, currency, true)}
        </Text>
        <Progress
          value={Math.min(100, share * 100)}
          color={share > 1 ? 'red' : share > 0.9 ? 'orange' : 'teal'}
          size="sm"
          aria-label={`Spent ${Math.round(share * 100)}% of budget`}
        />
      </Stack>
    </Tooltip>
  );
}

function CampaignRow({ c, currency }: { c: CampaignListItem; currency: string }) {
  return (
    <Table.Tr>
      <Table.Td>
        <AnchorLink to="/campaigns/$campaignId" params={{ campaignId: c.id }} fw={600}>
          {c.name}
        </AnchorLink>
        <Text size="xs" c="dimmed" ff="monospace">
          {c.slug}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge variant="light" color={statusColors[c.status]} tt="none">
          {statusLabels[c.status]}
        </Badge>
      </Table.Td>
      <Table.Td>{channelLabels[c.channel]}</Table.Td>
      <Table.Td>
        <Text size="sm" c="dimmed">
          <DateRange from={c.startDate} to={c.endDate} />
        </Text>
      </Table.Td>
      <Table.Td>
        <BudgetBar spend={c.spend} budget={c.budgetConverted} currency={currency} />
      </Table.Td>
      <Table.Td ta="right">{c.leads.toLocaleString()}</Table.Td>
      <Table.Td ta="right">{formatWhole(c.revenue, currency)}</Table.Td>
      <Table.Td ta="right">
        <Text size="sm" fw={600} c={roiColor(c.roi)}>
          {formatRoi(c.roi)}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

/** All campaigns with status, channel, budget vs spend, leads and ROI under a chosen attribution model. */
export function CampaignsScreen() {
  const can = usePermissions();
  const workspace = useWorkspace();
  const currency = workspace.data?.currency ?? 'USD';
  const [model, setModel] = useState<Model>('linear');
  const [status, setStatus] = useState<string | null>(null);
  const [channel, setChannel] = useState<string | null>(null);
  const [text, setText] = useState('');
  const [q] = useDebouncedValue(text, 250);
  const [creating, setCreating] = useState(false);
  const list = useCampaigns({ model, status, channel, q });
  const filtered = !!(status || channel || q);
  return (
    <>
      <PageHeader
        title="Campaigns"
        description="Marketing programmes with their budget, spend, leads and return. Revenue is won deals credited to the campaigns that touched their people."
        actions={
          <>
            <ButtonLink to="/attribution" variant="default" leftSection={<IconChartBar size={16} />}>
              Attribution report
            </ButtonLink>
            {can('campaigns:write') && (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                New campaign
              </Button>
            )}
          </>
        }
      />
      <Group gap="sm" mb="md" wrap="wrap">
        <TextInput
          leftSection={<IconSearch size={16} />}
          placeholder="Search name or utm_campaign"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          aria-label="Search campaigns"
          w={260}
        />
        <Select
          placeholder="Any status"
          aria-label="Status"
          data={statuses.map((s) => ({ value: s, label: statusLabels[s] }))}
          value={status}
          onChange={setStatus}
          clearable
          w={150}
        />
        <Select
          placeholder="Any channel"
          aria-label="Channel"
          data={channels.map((c) => ({ value: c, label: channelLabels[c] }))}
          value={channel}
          onChange={setChannel}
          clearable
          w={170}
        />
        <Select
          aria-label="Attribution model"
          data={models.map((m) => ({ value: m, label: modelLabels[m] }))}
          value={model}
          onChange={(v) => v && setModel(v as Model)}
          allowDeselect={false}
          w={240}
        />
      </Group>
      {list.isPending ? (
        <LoadingCard label="Loading campaigns" />
      ) : list.isError ? (
        <ErrorAlert error={list.error} title="Could not load campaigns" onRetry={() => list.refetch()} />
      ) : list.data.length === 0 ? (
        <Empty
          icon={<IconSpeakerphone size={28} />}
          title={filtered ? 'No campaign matches' : 'No campaigns yet'}
          description={
            filtered
              ? 'Clear the search or the filters to see every campaign.'
              : 'Create a campaign for each programme (a webinar, an ad campaign, a newsletter), record its spend and build tracked links: visits, form submissions and deals then count towards it.'
          }
          action={
            !filtered && can('campaigns:write') ? (
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                New campaign
              </Button>
            ) : undefined
          }
        />
      ) : (
        <TableCard label="Campaigns" minWidth={980}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Campaign</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Channel</Table.Th>
              <Table.Th>Dates</Table.Th>
              <Table.Th>Spend vs budget</Table.Th>
              <Table.Th ta="right">Leads</Table.Th>
              <Table.Th ta="right">Revenue</Table.Th>
              <Table.Th ta="right">ROI</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody aria-busy={list.isFetching}>
            {list.data.map((c) => (
              <CampaignRow key={c.id} c={c} currency={currency} />
            ))}
          </Table.Tbody>
        </TableCard>
      )}
      {creating && <CampaignFormModal opened onClose={() => setCreating(false)} />}
    </>
  );
}
