import { Alert, Badge, Button, Grid, Group, Loader, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useNavigate } from '@tanstack/react-router';
import { useMemo, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadingCard } from '../../components/table-card.tsx';
import { errorMessage } from '../../lib/api/index.ts';
import type { FilterNode } from '../records/crm-types.ts';
import { SegmentBuilder } from './segment-builder.tsx';
import { emptyModel, fromDefinition, type SegmentModel, toDefinition } from './segment-model.ts';
import type { Segment } from './segment-types.ts';
import { usePreview, useSaveSegment, useSegment } from './use-segments.ts';

const number = new Intl.NumberFormat();

/** The live count and the newest matching contacts, re-counted 400 ms after the last edit. */
function LivePreview({ definition }: { definition: FilterNode | null }) {
  const [debounced] = useDebouncedValue(definition, 400);
  const preview = usePreview(debounced);
  const stale = preview.isFetching || debounced !== definition;
  return (
    <Paper withBorder p="md" radius="md" aria-label="Live count" aria-busy={stale}>
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          Matching contacts now
        </Title>
        {stale && <Loader size="xs" aria-label="Counting" />}
      </Group>
      {definition === null ? (
        <Text size="sm" c="dimmed">
          Add a condition to see how many contacts match.
        </Text>
      ) : preview.error ? (
        <Text size="sm" c="red" role="alert">
          {errorMessage(preview.error)}
        </Text>
      ) : preview.data ? (
        <Stack gap="xs">
          <Text fz={32} fw={700} data-testid="live-count">
            {number.format(preview.data.count)}
          </Text>
          <Text size="xs" c="dimmed">
            counted in {preview.data.tookMs} ms · newest matches:
          </Text>
          <Table fz="xs" verticalSpacing={4}>
            <Table.Tbody>
              {preview.data.sample.map((m) => (
                <Table.Tr key={m.id}>
                  <Table.Td>{m.displayName}</Table.Td>
                  <Table.Td c="dimmed">{m.email ?? m.companyName ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : (
        <Loader size="sm" />
      )}
    </Paper>
  );
}

function Editor({ segment }: { segment?: Segment }) {
  const navigate = useNavigate();
  const initial = useMemo(() => (segment ? fromDefinition(segment.definition) : emptyModel()), [segment]);
  const [model, setModel] = useState<SegmentModel | null>(initial);
  const [json, setJson] = useState(segment ? JSON.stringify(segment.definition, null, 2) : '');
  const [name, setName] = useState(segment?.name ?? '');
  const [description, setDescription] = useState(segment?.description ?? '');
  const save = useSaveSegment(segment?.id);
  let definition: FilterNode | null = null;
  let jsonError: string | undefined;
  if (model) definition = toDefinition(model);
  else
    try {
      definition = JSON.parse(json) as FilterNode;
    } catch (e) {
      jsonError = (e as Error).message;
    }
  const submit = () =>
    definition &&
    save.mutate(
      { name: name.trim(), description: description.trim() || null, definition },
      { onSuccess: (s) => navigate({ to: '/segments/$segmentId', params: { segmentId: s.id } }) },
    );
  return (
    <>
      <PageHeader
        title={segment ? `Edit ${segment.name}` : 'New segment'}
        description="Contacts join and leave as their data, deals and behaviour change; the count on the right updates as you edit."
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              submit();
            }}
          >
            <Stack gap="md">
              <TextInput
                label="Name"
                required
                value={name}
                onChange={(e) => setName(e.currentTarget.value)}
                placeholder="e.g. MQLs visiting pricing"
              />
              <Textarea
                label="Description"
                autosize
                minRows={1}
                value={description}
                onChange={(e) => setDescription(e.currentTarget.value)}
              />
              {model ? (
                <SegmentBuilder value={model} onChange={setModel} />
              ) : (
                <Textarea
                  label="Definition (JSON filter)"
                  description="This definition uses conditions the visual builder cannot show; edit it as a filter (docs/segments.md)."
                  autosize
                  minRows={6}
                  value={json}
                  onChange={(e) => setJson(e.currentTarget.value)}
                  error={jsonError}
                  styles={{ input: { fontFamily: 'monospace' } }}
                />
              )}
              {save.error && <ErrorAlert error={save.error} title="The segment was not saved" />}
              {segment && definition && JSON.stringify(definition) !== JSON.stringify(segment.definition) && (
                <Alert variant="light" color="blue">
                  Saving a new definition re-evaluates every contact; members that no longer match leave (recorded in the history).
                </Alert>
              )}
              <Group>
                <Button type="submit" loading={save.isPending} disabled={!name.trim() || !definition}>
                  {segment ? 'Save changes' : 'Create segment'}
                </Button>
                <Button variant="default" onClick={() => window.history.back()}>
                  Cancel
                </Button>
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <LivePreview definition={definition} />
          {segment && (
            <Badge mt="sm" variant="light">
              {number.format(segment.memberCount)} members now
            </Badge>
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}

/** Creates a segment, or edits one (`id`). */
export function SegmentEditorScreen({ id }: { id?: string }) {
  const segment = useSegment(id);
  if (!id) return <Editor />;
  if (segment.error) return <ErrorAlert error={segment.error} onRetry={() => segment.refetch()} />;
  if (!segment.data) return <LoadingCard label="Loading segment" />;
  return <Editor segment={segment.data} />;
}
