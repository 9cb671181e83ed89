import { Badge, Button, Group, Paper, Radio, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowMerge } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { errorMessage } from '../../lib/api/index.ts';
import { useCompany } from '../companies/use-companies.ts';
import { useContact } from '../contacts/use-contacts.ts';
import { useCustomFields } from '../custom-fields/use-custom-fields.ts';
import type { CompanyDetail, ContactDetail, RecordEntity } from '../records/crm-types.ts';
import { RecordLink, RecordName } from '../records/record-link.tsx';
import { useMemberNames } from '../records/record-names.ts';
import { customMergeFields, defaultChoices, isBlank, type MergeField, mergeFields } from './merge-fields.ts';
import { useDismissPair, useMerge } from './use-duplicates.ts';

type Rec = ContactDetail | CompanyDetail;
const nameOf = (r: Rec) => ('displayName' in r ? r.displayName : r.name);

function useRecord(entity: RecordEntity, id: string) {
  const contact = useContact(entity === 'contact' ? id : '');
  const company = useCompany(entity === 'company' ? id : '');
  return entity === 'contact' ? contact : company;
}

function Value({ f, r }: { f: MergeField; r: Rec }) {
  const members = useMemberNames();
  const v = f.get(r);
  if (isBlank(v))
    return (
      <Text span size="sm" c="dimmed">
        —
      </Text>
    );
  if (f.kind === 'member')
    return (
      <Text span size="sm">
        {members.get(String(v)) ?? 'Former member'}
      </Text>
    );
  if (f.kind === 'company') return <RecordName entity="company" id={String(v)} />;
  return (
    <Text span size="sm" style={{ wordBreak: 'break-word' }}>
      {f.format ? f.format(v, r) : String(v)}
    </Text>
  );
}

/** Two records side by side: pick the one that stays and, per field, whose value survives; then merge or dismiss. */
export function MergeCompare({ entity, ids, onDone }: { entity: RecordEntity; ids: [string, string]; onDone: () => void }) {
  const a = useRecord(entity, ids[0]);
  const b = useRecord(entity, ids[1]);
  const defs = useCustomFields(entity).data ?? [];
  const merge = useMerge(entity);
  const dismiss = useDismissPair(entity);
  const [survivorId, setSurvivorId] = useState(ids[0]);
  const fields = useMemo(() => [...mergeFields[entity], ...customMergeFields(defs)], [entity, defs]);
  const records = a.data && b.data ? [a.data as Rec, b.data as Rec] : null;
  const [choices, setChoices] = useState<Record<string, string>>({});
  const survivor = records?.find((r) => r.id === survivorId);
  const other = records?.find((r) => r.id !== survivorId);
  // biome-ignore lint/correctness/useExhaustiveDependencies: new defaults when the pair or the survivor changes
  useEffect(() => {
    if (survivor && other) setChoices(defaultChoices(fields, survivor, other));
  }, [survivor?.id, other?.id, fields.length]);
  useEffect(() => setSurvivorId(ids[0]), [ids]);

  if (a.isError || b.isError) return <ErrorAlert error={a.error ?? b.error} title="Could not load the records" />;
  if (!records || !survivor || !other)
    return (
      <Paper p="lg">
        <Skeleton height={300} />
      </Paper>
    );
  const differing = fields.filter((f) => JSON.stringify(f.get(records[0]!) ?? null) !== JSON.stringify(f.get(records[1]!) ?? null));
  const same = fields.length - differing.length;
  const doMerge = () =>
    merge.mutate(
      {
        survivorId: survivor.id,
        mergedIds: [other.id],
        fields: Object.fromEntries(differing.map((f) => [f.name, choices[f.name] ?? survivor.id])),
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', title: 'Merged', message: `${nameOf(other)} was merged into ${nameOf(survivor)}.` });
          onDone();
        },
        onError: (err) => notifications.show({ color: 'red', title: 'Could not merge', message: errorMessage(err) }),
      },
    );
  return (
    <Paper p="lg" component="section" aria-label="Compare and merge">
      <Group justify="space-between" mb="md" wrap="wrap">
        <Title order={2} fz="h3">
          Compare and merge
        </Title>
        <Text size="xs" c="dimmed">
          {same > 0 ? `${same} field${same === 1 ? '' : 's'} already match.` : ''} Emails, phones, activities and tasks of both are kept.
        </Text>
      </Group>
      <Table layout="fixed" verticalSpacing="xs" aria-label="Fields to keep" highlightOnHover={false}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="24%">Field</Table.Th>
            {records.map((r) => (
              <Table.Th key={r.id} style={{ textTransform: 'none', letterSpacing: 0 }}>
                <Radio
                  checked={survivorId === r.id}
                  onChange={() => setSurvivorId(r.id)}
                  aria-label={`Keep ${nameOf(r)}`}
                  label={
                    <Group gap={6} wrap="nowrap">
                      <RecordLink entity={entity} id={r.id}>
                        {nameOf(r)}
                      </RecordLink>
                      {survivorId === r.id && <Badge size="xs">stays</Badge>}
                    </Group>
                  }
                />
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {differing.map((f) => (
            <Table.Tr key={f.name}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {f.label}
                </Text>
              </Table.Td>
              {records.map((r) => (
                <Table.Td key={r.id}>
                  <Radio
                    name={f.name}
                    checked={(choices[f.name] ?? survivor.id) === r.id}
                    onChange={() => setChoices((c) => ({ ...c, [f.name]: r.id }))}
                    aria-label={`${f.label} from ${nameOf(r)}`}
                    label={<Value f={f} r={r} />}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Stack gap={4} mt="lg">
        <Group justify="space-between">
          <Button
            variant="default"
            loading={dismiss.isPending}
            onClick={() =>
              dismiss.mutate(ids, {
                onSuccess: onDone,
                onError: (err) => notifications.show({ color: 'red', title: 'Could not dismiss', message: errorMessage(err) }),
              })
            }
          >
            Not duplicates
          </Button>
          <Button leftSection={<IconArrowMerge size={16} />} loading={merge.isPending} onClick={doMerge}>
            Merge into {nameOf(survivor)}
          </Button>
        </Group>
        <Text size="xs" c="dimmed" ta="right">
          {nameOf(other)} is deleted; links to it open {nameOf(survivor)}.
        </Text>
      </Stack>
    </Paper>
  );
}
