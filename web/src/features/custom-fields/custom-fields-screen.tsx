import { Badge, Button, Code, Group, Paper, Switch, Table, Tabs, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconForms, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import type { CustomField } from '../records/crm-types.ts';
import { CustomFieldModal } from './custom-field-modal.tsx';
import { hasChoices, typeLabel } from './field-types.ts';
import { type CustomEntity, useArchiveCustomField, useCustomFields, useUpdateCustomField } from './use-custom-fields.ts';

const entities: { value: CustomEntity; label: string }[] = [
  { value: 'contact', label: 'Contacts' },
  { value: 'company', label: 'Companies' },
  { value: 'deal', label: 'Deals' },
];

function FieldsTable({ fields, onEdit }: { fields: CustomField[]; onEdit: (f: CustomField) => void }) {
  const archive = useArchiveCustomField();
  const update = useUpdateCustomField();
  return (
    <TableCard label="Custom fields" minWidth={760}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Field</Table.Th>
          <Table.Th>Type</Table.Th>
          <Table.Th>Rules</Table.Th>
          <Table.Th w={190}>
            <span className="visually-hidden">Actions</span>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {fields.map((f) => (
          <Table.Tr key={f.id} style={f.archived ? { opacity: 0.6 } : undefined}>
            <Table.Td>
              <Text size="sm" fw={600}>
                {f.label}
              </Text>
              <Code fz="xs">{f.key}</Code>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{typeLabel(f.type)}</Text>
              <Text size="xs" c="dimmed" lineClamp={1}>
                {hasChoices(f.type) ? f.choices.map((c) => c.label).join(', ') : f.type === 'money' ? f.currency : ''}
              </Text>
            </Table.Td>
            <Table.Td>
              <Group gap={4}>
                {f.archived && <Badge color="gray">Archived</Badge>}
                {f.required && <Badge color="orange">Required</Badge>}
                {f.unique && <Badge color="grape">Unique</Badge>}
                {f.indexed && <Badge color="teal">Indexed</Badge>}
                {!f.archived && !f.required && !f.unique && !f.indexed && (
                  <Text size="xs" c="dimmed">
                    Optional
                  </Text>
                )}
              </Group>
            </Table.Td>
            <Table.Td ta="right">
              <Group gap={4} justify="flex-end" wrap="nowrap">
                {f.archived ? (
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    onClick={() => update.mutate({ id: f.id, body: { archived: false } })}
                    aria-label={`Restore ${f.label}`}
                  >
                    Restore
                  </Button>
                ) : (
                  <>
                    <Button size="compact-sm" variant="subtle" onClick={() => onEdit(f)} aria-label={`Edit ${f.label}`}>
                      Edit
                    </Button>
                    <ConfirmButton
                      title={`Archive “${f.label}”?`}
                      message="It leaves forms, columns and filters. Values already saved are kept, and you can restore the field later."
                      confirmLabel="Archive field"
                      onConfirm={() => archive.mutateAsync(f.id)}
                      aria-label={`Archive ${f.label}`}
                    >
                      Archive
                    </ConfirmButton>
                  </>
                )}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}

/** Settings → Custom fields: per entity type, define, edit and archive the extra fields records carry. */
export function CustomFieldsScreen() {
  const [entity, setEntity] = useState<CustomEntity>('contact');
  const [showArchived, setShowArchived] = useState(false);
  const fields = useCustomFields(entity, showArchived);
  const [opened, { open, close }] = useDisclosure(false);
  const [editing, setEditing] = useState<CustomField | undefined>();
  const edit = (f?: CustomField) => {
    setEditing(f);
    open();
  };
  const label = entities.find((e) => e.value === entity)!.label.toLowerCase();
  return (
    <>
      <PageHeader
        title="Custom fields"
        description="Extra fields on contacts, companies and deals. They show up in forms, list columns, filters and the API."
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => edit()}>
            New field
          </Button>
        }
      />
      <CustomFieldModal opened={opened} onClose={close} entityType={entity} field={editing} />
      <Group justify="space-between" mb="md">
        <Tabs value={entity} onChange={(v) => setEntity((v as CustomEntity) ?? 'contact')} variant="pills" radius="md">
          <Tabs.List>
            {entities.map((e) => (
              <Tabs.Tab key={e.value} value={e.value}>
                {e.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <Switch label="Show archived" checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
      </Group>
      {fields.isPending ? (
        <LoadingCard label="Loading custom fields" />
      ) : fields.isError ? (
        <ErrorAlert error={fields.error} title="Could not load custom fields" onRetry={() => fields.refetch()} />
      ) : fields.data.length === 0 ? (
        <Paper>
          <Empty
            icon={<IconForms size={26} />}
            title={`No custom fields on ${label} yet`}
            description="Add fields for what your team tracks that Tandem does not: a tier, a region code, a renewal date."
            action={
              <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => edit()}>
                New field
              </Button>
            }
          />
        </Paper>
      ) : (
        <FieldsTable fields={fields.data} onEdit={edit} />
      )}
    </>
  );
}
