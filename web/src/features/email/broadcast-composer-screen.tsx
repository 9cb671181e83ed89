import { Alert, Button, Group, Paper, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconInfoCircle, IconSend } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useMemo, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadingCard } from '../../components/table-card.tsx';
import { ApiError } from '../../lib/api/index.ts';
import { SegmentBuilder } from '../segments/segment-builder.tsx';
import { emptyModel, type SegmentModel, toDefinition } from '../segments/segment-model.ts';
import { useLists, useSegments } from '../segments/use-segments.ts';
import { ConfirmSend, EstimateCard } from './broadcast-estimate.tsx';
import { type AbTest, BroadcastVariants, type VariantDraft } from './broadcast-variants.tsx';
import type { Audience, BroadcastBody } from './email-types.ts';
import { useBroadcastAction, useCreateBroadcast, useSenders, useSubscriptionTypes, useTemplates } from './use-email.ts';

type AudienceKind = Audience['kind'];

/** Compose a broadcast: sender, subscription type, audience, 1–4 variants with an A/B test, schedule, estimate, send. */
export function BroadcastComposerScreen() {
  const navigate = useNavigate();
  const senders = useSenders();
  const types = useSubscriptionTypes();
  const templates = useTemplates();
  const segments = useSegments();
  const lists = useLists();
  const create = useCreateBroadcast();
  const [createdId, setCreatedId] = useState<string | null>(null);
  const action = useBroadcastAction();
  const [name, setName] = useState('');
  const [senderId, setSenderId] = useState<string | null>(null);
  const [typeId, setTypeId] = useState<string | null>(null);
  const [kind, setKind] = useState<AudienceKind>('list');
  const [listId, setListId] = useState<string | null>(null);
  const [segmentId, setSegmentId] = useState<string | null>(null);
  const [model, setModel] = useState<SegmentModel>(emptyModel);
  const [variants, setVariants] = useState<VariantDraft[]>([{ templateId: null, subject: '' }]);
  const [test, setTest] = useState<AbTest>({ testPercent: 20, metric: 'open', afterHours: 4 });
  const [when, setWhen] = useState<'now' | 'later'>('now');
  const [at, setAt] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);

  const sender = senderId ?? senders.data?.find((s) => s.isDefault)?.id ?? senders.data?.[0]?.id ?? null;
  const definition = useMemo(() => (kind === 'filter' ? toDefinition(model) : null), [kind, model]);
  const audience: Audience | null =
    kind === 'list'
      ? listId
        ? { kind, listId }
        : null
      : kind === 'segment'
        ? segmentId
          ? { kind, segmentId }
          : null
        : definition
          ? { kind, filter: definition }
          : null;
  const ab = variants.length > 1;
  const err = create.error instanceof ApiError ? create.error : null;

  const fail = (message: string) => {
    setLocalError(message);
    return null;
  };
  const body = (): BroadcastBody | null => {
    if (!audience) return fail('Choose the audience: a list, a segment or a filter with at least one condition.');
    if (!sender) return fail('Add a sender in Email sending settings first.');
    if (variants.some((v) => !v.templateId)) return fail('Pick a template for every variant.');
    if (when === 'later' && !at) return fail('Pick the date and time to send, or choose “Send now”.');
    setLocalError(null);
    return {
      name,
      senderId: sender,
      subscriptionTypeId: typeId,
      audience,
      variants: variants.map((v) => ({ templateId: v.templateId!, subject: v.subject.trim() || null })),
      testFraction: ab ? Number(test.testPercent) / 100 : 0,
      winnerMetric: test.metric,
      winnerAfterHours: Number(test.afterHours),
    };
  };
  const saveDraft = async () => {
    const b = body();
    if (!b) return null;
    const created = createdId ? { id: createdId } : await create.mutateAsync(b);
    setCreatedId(created.id);
    return created.id;
  };
  const review = (e: FormEvent) => {
    e.preventDefault();
    if (body()) setConfirming(true);
  };
  const send = async () => {
    const id = await saveDraft().catch(() => null);
    if (!id) return setConfirming(false);
    try {
      await action.mutateAsync({ id, action: 'send', scheduledAt: when === 'later' ? new Date(at).toISOString() : null });
      navigate({ to: '/email/broadcasts/$broadcastId', params: { broadcastId: id } });
    } catch {
      setConfirming(false);
    }
  };

  if (senders.isPending || templates.isPending) return <LoadingCard label="Loading" />;
  if (senders.isError) return <ErrorAlert error={senders.error} title="Could not load senders" onRetry={() => senders.refetch()} />;
  if (templates.isError) return <ErrorAlert error={templates.error} title="Could not load templates" onRetry={() => templates.refetch()} />;
  const templateData = templates.data.map((t) => ({ value: t.id, label: t.name }));
  const missing = senders.data.length === 0 || templates.data.length === 0;

  return (
    <>
      <PageHeader
        title="New broadcast"
        description="Who gets what, from whom, and when."
        actions={
          <ButtonLink to="/email" variant="default">
            Cancel
          </ButtonLink>
        }
      />
      {missing && (
        <Alert color="yellow" icon={<IconInfoCircle size={18} />} mb="md" title="Before you can send">
          {senders.data.length === 0 && (
            <Text size="sm">
              Add a sender (From name and address) in <AnchorLink to="/settings/email">Email sending settings</AnchorLink>.
            </Text>
          )}
          {templates.data.length === 0 && (
            <Text size="sm">
              Create a template in <AnchorLink to="/email/templates">Templates</AnchorLink>.
            </Text>
          )}
        </Alert>
      )}
      <form onSubmit={review} aria-label="Broadcast">
        <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="lg">
          <Stack gap="lg" style={{ gridColumn: 'span 2' }}>
            <Paper p="md">
              <Stack gap="sm">
                <TextInput
                  label="Name"
                  required
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  error={err?.fieldError('name')}
                  description="For you; recipients never see it"
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <Select
                    label="Sender"
                    description="The From name and address"
                    data={senders.data.map((s) => ({ value: s.id, label: `${s.fromName} <${s.fromEmail}>` }))}
                    value={sender}
                    onChange={setSenderId}
                    allowDeselect={false}
                    error={err?.fieldError('senderId')}
                  />
                  <Select
                    label="Subscription type"
                    description="People who opted out of it are skipped"
                    placeholder="None (all marketing mail)"
                    data={(types.data ?? []).map((t) => ({ value: t.id, label: t.name }))}
                    value={typeId}
                    onChange={setTypeId}
                    clearable
                  />
                </SimpleGrid>
              </Stack>
            </Paper>
            <Paper p="md">
              <Title order={3} size="h5" mb="xs">
                Audience
              </Title>
              <SegmentedControl
                aria-label="Audience kind"
                value={kind}
                onChange={(v) => setKind(v as AudienceKind)}
                data={[
                  { value: 'list', label: 'List' },
                  { value: 'segment', label: 'Segment' },
                  { value: 'filter', label: 'Filter' },
                ]}
                mb="sm"
              />
              {kind === 'list' && (
                <Select
                  label="List"
                  placeholder={lists.data?.length === 0 ? 'No lists yet: create one under Marketing › Lists' : 'Pick a list'}
                  searchable
                  data={(lists.data ?? []).map((l) => ({ value: l.id, label: `${l.name} (${l.memberCount.toLocaleString()})` }))}
                  value={listId}
                  onChange={setListId}
                />
              )}
              {kind === 'segment' && (
                <Select
                  label="Segment"
                  placeholder={segments.data?.length === 0 ? 'No segments yet: create one under Marketing › Segments' : 'Pick a segment'}
                  searchable
                  data={(segments.data ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.memberCount.toLocaleString()})` }))}
                  value={segmentId}
                  onChange={setSegmentId}
                />
              )}
              {kind === 'filter' && <SegmentBuilder value={model} onChange={setModel} />}
            </Paper>
            <BroadcastVariants
              variants={variants}
              setVariants={setVariants}
              templateData={templateData}
              test={test}
              setTest={(c) => setTest((t) => ({ ...t, ...c }))}
            />
          </Stack>
          <Stack gap="lg">
            <EstimateCard audience={audience} subscriptionTypeId={typeId} />
            <Paper p="md">
              <Title order={3} size="h5" mb="xs">
                When
              </Title>
              <SegmentedControl
                fullWidth
                aria-label="When to send"
                value={when}
                onChange={(v) => setWhen(v as 'now' | 'later')}
                data={[
                  { value: 'now', label: 'Send now' },
                  { value: 'later', label: 'Schedule' },
                ]}
              />
              {when === 'later' && (
                <TextInput mt="sm" type="datetime-local" label="Send at" value={at} onChange={(e) => setAt(e.currentTarget.value)} />
              )}
            </Paper>
            {localError && (
              <Alert color="red" variant="light" role="alert">
                {localError}
              </Alert>
            )}
            {create.error && <ErrorAlert error={create.error} title="Could not save the broadcast" />}
            {action.error && <ErrorAlert error={action.error} title="Could not send" />}
            <Group grow>
              <Button
                variant="default"
                loading={create.isPending && !confirming}
                onClick={async () => {
                  const id = await saveDraft().catch(() => null);
                  if (id) navigate({ to: '/email/broadcasts/$broadcastId', params: { broadcastId: id } });
                }}
              >
                Save draft
              </Button>
              <Button type="submit" leftSection={<IconSend size={16} />} disabled={missing}>
                {when === 'now' ? 'Send…' : 'Schedule…'}
              </Button>
            </Group>
          </Stack>
        </SimpleGrid>
      </form>
      <ConfirmSend
        opened={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={send}
        busy={create.isPending || action.isPending}
        name={name}
        audience={audience}
        typeId={typeId}
        later={when === 'later' ? at : null}
      />
    </>
  );
}
