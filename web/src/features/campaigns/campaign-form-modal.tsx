import { Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { ApiError, errorMessage } from '../../lib/api/index.ts';
import { fromMinor, toMinor } from '../deals/money.ts';
import { useMemberOptions } from '../records/record-names.ts';
import { useWorkspace } from '../workspace/use-workspace.ts';
import { type Campaign, type CampaignStatus, type Channel, channels, statuses } from './campaign-types.ts';
import { channelLabels, statusLabels } from './labels.ts';
import { useSaveCampaign } from './use-campaigns.ts';

const slugPreview = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

const num = (v: string | number) => (v === '' ? undefined : Number(v));

/** Creates a campaign, or edits one when `campaign` is given. */
export function CampaignFormModal({ campaign, opened, onClose }: { campaign?: Campaign; opened: boolean; onClose: () => void }) {
  const workspace = useWorkspace();
  const members = useMemberOptions();
  const save = useSaveCampaign(campaign?.id ?? null);
  const navigate = useNavigate();
  const [name, setName] = useState(campaign?.name ?? '');
  const [slug, setSlug] = useState(campaign?.slug ?? '');
  const [channel, setChannel] = useState<Channel | null>(campaign?.channel ?? null);
  const [status, setStatus] = useState<CampaignStatus>(campaign?.status ?? 'planned');
  const [ownerId, setOwnerId] = useState<string | null>(campaign?.ownerId ?? null);
  const [startDate, setStartDate] = useState(campaign?.startDate ?? '');
  const [endDate, setEndDate] = useState(campaign?.endDate ?? '');
  const currencyDefault = campaign?.budgetCurrency ?? workspace.data?.currency ?? 'USD';
  const [currency, setCurrency] = useState(currencyDefault);
  const [budget, setBudget] = useState<string | number>(campaign ? fromMinor(campaign.budgetAmount, campaign.budgetCurrency) : '');
  const [description, setDescription] = useState(campaign?.description ?? '');
  const reporting = workspace.data?.currency ?? 'USD';
  const g = campaign?.goals ?? {};
  const [leads, setLeads] = useState<string | number>(g.leads ?? '');
  const [mqls, setMqls] = useState<string | number>(g.mqls ?? '');
  const [sqls, setSqls] = useState<string | number>(g.sqls ?? '');
  const [customers, setCustomers] = useState<string | number>(g.customers ?? '');
  const [revenue, setRevenue] = useState<string | number>(fromMinor(g.revenue, reporting));

  const fieldError = (field: string) => {
    const e = save.error;
    if (!(e instanceof ApiError)) return undefined;
    const d = e.details as { path?: unknown[]; issues?: { path: unknown[] }[] } | undefined;
    const paths = [d?.path, ...(d?.issues ?? []).map((i) => i.path)].filter(Boolean).map((p) => JSON.stringify(p));
    return paths.some((p) => p.includes(`"${field}"`)) ? e.message : undefined;
  };
  const known = ['name', 'slug', 'channel', 'endDate', 'budgetCurrency', 'budgetAmount'];
  const general = save.error && !known.some(fieldError) ? errorMessage(save.error) : null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const budgetAmount = toMinor(budget, currency);
    save.mutate(
      {
        name,
        ...(slug.trim() ? { slug: slug.trim() } : {}),
        channel: channel ?? undefined,
        status,
        ...(campaign || ownerId ? { ownerId } : {}),
        startDate: startDate || null,
        endDate: endDate || null,
        budgetAmount: Number.isNaN(budgetAmount) ? -1 : budgetAmount,
        budgetCurrency: currency,
        description: description || null,
        goals: {
          leads: num(leads),
          mqls: num(mqls),
          sqls: num(sqls),
          customers: num(customers),
          revenue: toMinor(revenue, reporting) ?? undefined,
        },
      },
      {
        onSuccess: (c) => {
          notifications.show({ color: 'teal', message: campaign ? 'Campaign saved' : `Campaign “${c.name}” created` });
          onClose();
          if (!campaign) navigate({ to: '/campaigns/$campaignId', params: { campaignId: c.id } });
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={campaign ? 'Edit campaign' : 'New campaign'} size="lg">
      <form onSubmit={submit}>
        <Stack gap="sm">
          <TextInput
            label="Name"
            required
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={fieldError('name')}
          />
          <TextInput
            label="utm_campaign"
            description={`Used in tracked links; unique in the workspace.${!campaign && name && !slug ? ` Will be “${slugPreview(name)}”.` : ''}`}
            placeholder={slugPreview(name) || 'spring-webinar-2026'}
            value={slug}
            onChange={(e) => setSlug(e.currentTarget.value)}
            error={fieldError('slug')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label="Channel"
              required
              data={channels.map((c) => ({ value: c, label: channelLabels[c] }))}
              value={channel}
              onChange={(v) => setChannel(v as Channel | null)}
              error={fieldError('channel')}
            />
            <Select
              label="Status"
              data={statuses.map((s) => ({ value: s, label: statusLabels[s] }))}
              value={status}
              onChange={(v) => v && setStatus(v as CampaignStatus)}
              allowDeselect={false}
            />
            <Select
              label="Owner"
              data={members}
              value={ownerId}
              onChange={setOwnerId}
              clearable
              placeholder={campaign ? 'Nobody' : 'You'}
              searchable
            />
            <Group gap="xs" grow align="flex-start">
              <NumberInput
                label="Budget"
                min={0}
                thousandSeparator=","
                value={budget}
                onChange={setBudget}
                error={fieldError('budgetAmount')}
              />
              <TextInput
                label="Currency"
                maw={90}
                value={currency}
                onChange={(e) => setCurrency(e.currentTarget.value.toUpperCase())}
                error={fieldError('budgetCurrency')}
              />
            </Group>
            <TextInput label="Starts" type="date" value={startDate} onChange={(e) => setStartDate(e.currentTarget.value)} />
            <TextInput
              label="Ends"
              type="date"
              value={endDate}
              onChange={(e) => setEndDate(e.currentTarget.value)}
              error={fieldError('endDate')}
            />
          </SimpleGrid>
          <Text size="sm" fw={600} mt="xs">
            Goals
          </Text>
          <SimpleGrid cols={{ base: 2, sm: 5 }}>
            <NumberInput label="Leads" min={0} value={leads} onChange={setLeads} />
            <NumberInput label="MQLs" min={0} value={mqls} onChange={setMqls} />
            <NumberInput label="SQLs" min={0} value={sqls} onChange={setSqls} />
            <NumberInput label="Customers" min={0} value={customers} onChange={setCustomers} />
            <NumberInput label={`Revenue (${reporting})`} min={0} thousandSeparator="," value={revenue} onChange={setRevenue} />
          </SimpleGrid>
          <Textarea label="Description" autosize minRows={2} value={description} onChange={(e) => setDescription(e.currentTarget.value)} />
          {general && (
            <Text c="red" size="sm" role="alert">
              {general}
            </Text>
          )}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {campaign ? 'Save' : 'Create campaign'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
