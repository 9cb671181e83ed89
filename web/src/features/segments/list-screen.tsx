import { Alert, Button, FileButton, Group, Paper, Stack, Tabs, Text, Textarea, Title } from '@mantine/core';
import { IconList, IconUpload } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadingCard } from '../../components/table-card.tsx';
import { usePermissions } from '../auth/use-me.ts';
import { RecordPicker } from '../records/record-picker.tsx';
import { MemberList } from './member-list.tsx';
import { SegmentBuilder } from './segment-builder.tsx';
import { emptyModel, type SegmentModel, toDefinition } from './segment-model.ts';
import type { ListMembersResult } from './segment-types.ts';
import { useChangeListMembers, useDeleteList, useList, usePreview } from './use-segments.ts';

/** Email addresses anywhere in pasted text or a CSV file (any column). */
export const emailsIn = (text: string) => [...new Set(text.match(/[^\s,;"'<>]+@[^\s,;"'<>]+\.[^\s,;"'<>]+/g) ?? [])];

function Outcome({ r }: { r: ListMembersResult }) {
  return (
    <Alert variant="light" color={r.unmatchedCount ? 'yellow' : 'green'} role="status">
      {r.changed.toLocaleString()} added · {r.memberCount.toLocaleString()} on the list now
      {r.unmatchedCount > 0 && (
        <Text size="xs" mt={4}>
          {r.unmatchedCount} email(s) matched no contact: {r.unmatched.slice(0, 10).join(', ')}
          {r.unmatchedCount > 10 ? '…' : ''} — import them as contacts first.
        </Text>
      )}
    </Alert>
  );
}

function AddPanel({ id }: { id: string }) {
  const add = useChangeListMembers(id, 'add');
  const [picked, setPicked] = useState<string | null>(null);
  const [model, setModel] = useState<SegmentModel>(emptyModel);
  const [text, setText] = useState('');
  const definition = toDefinition(model);
  const preview = usePreview(definition);
  const emails = emailsIn(text);
  return (
    <Paper withBorder p="md" radius="md">
      <Title order={3} size="h5" mb="sm">
        Add contacts
      </Title>
      <Tabs defaultValue="search">
        <Tabs.List mb="sm">
          <Tabs.Tab value="search">By search</Tabs.Tab>
          <Tabs.Tab value="filter">By filter</Tabs.Tab>
          <Tabs.Tab value="emails">From emails / CSV</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="search">
          <Group align="flex-end">
            <RecordPicker entity="contact" label="Contact" placeholder="Type a name or email" value={picked} onChange={setPicked} w={320} />
            <Button
              disabled={!picked}
              loading={add.isPending}
              onClick={() => picked && add.mutate({ contactIds: [picked] }, { onSuccess: () => setPicked(null) })}
            >
              Add
            </Button>
          </Group>
        </Tabs.Panel>
        <Tabs.Panel value="filter">
          <Stack>
            <SegmentBuilder value={model} onChange={setModel} />
            <Group>
              <Button disabled={!definition} loading={add.isPending} onClick={() => definition && add.mutate({ filter: definition })}>
                Add {preview.data && definition ? preview.data.count.toLocaleString() : ''} matching contacts
              </Button>
            </Group>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="emails">
          <Stack>
            <Textarea
              label="Email addresses"
              description="Paste addresses (one per line, or a CSV) or load a CSV file; every address found is matched to a contact."
              autosize
              minRows={3}
              maxRows={10}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
            />
            <Group>
              <FileButton accept=".csv,text/csv,text/plain" onChange={(file) => file?.text().then(setText)}>
                {(props) => (
                  <Button variant="default" leftSection={<IconUpload size={16} />} {...props}>
                    Load CSV file
                  </Button>
                )}
              </FileButton>
              <Button
                disabled={emails.length === 0}
                loading={add.isPending}
                onClick={() => add.mutate({ emails }, { onSuccess: () => setText('') })}
              >
                Add {emails.length.toLocaleString()} addresses
              </Button>
            </Group>
          </Stack>
        </Tabs.Panel>
      </Tabs>
      <Stack mt="sm">
        {add.error && <ErrorAlert error={add.error} title="Nobody was added" />}
        {add.data && <Outcome r={add.data} />}
      </Stack>
    </Paper>
  );
}

/** A static list: its members (select to remove in bulk) and the ways to add people. */
export function ListScreen({ id }: { id: string }) {
  const list = useList(id);
  const remove = useChangeListMembers(id, 'remove');
  const del = useDeleteList();
  const navigate = useNavigate();
  const can = usePermissions();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  if (list.error) return <ErrorAlert error={list.error} onRetry={() => list.refetch()} />;
  if (!list.data) return <LoadingCard label="Loading list" />;
  const l = list.data;
  const manage = can('lists:manage');
  return (
    <>
      <PageHeader
        title={l.name}
        description={l.description ?? `${l.memberCount.toLocaleString()} members`}
        actions={
          manage && (
            <ConfirmButton
              color="red"
              variant="light"
              title={`Delete ${l.name}?`}
              message="The list and its memberships are removed; segments that use it treat it as empty. Contacts are not changed."
              confirmLabel="Delete list"
              onConfirm={async () => {
                await del.mutateAsync(id);
                await navigate({ to: '/lists' });
              }}
            >
              Delete list
            </ConfirmButton>
          )
        }
      />
      <Stack gap="lg">
        {manage && <AddPanel id={id} />}
        {selected.size > 0 && (
          <Group>
            <Text size="sm">{selected.size} selected</Text>
            <Button
              color="red"
              variant="light"
              size="xs"
              loading={remove.isPending}
              onClick={() => remove.mutate({ contactIds: [...selected] }, { onSuccess: () => setSelected(new Set()) })}
            >
              Remove from list
            </Button>
            <Button variant="subtle" size="xs" onClick={() => setSelected(new Set())}>
              Clear selection
            </Button>
          </Group>
        )}
        {remove.error && <ErrorAlert error={remove.error} />}
        <MemberList
          kind="lists"
          id={id}
          version={String(l.memberCount)}
          atLabel="Added"
          selected={manage ? selected : undefined}
          onSelectedChange={setSelected}
          empty={
            <Empty
              icon={<IconList />}
              title="Nobody on this list yet"
              description="Add contacts by search, by filter or from a file of email addresses above."
            />
          }
        />
      </Stack>
    </>
  );
}
