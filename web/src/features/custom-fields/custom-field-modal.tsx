import { Button, Group, Modal, Select, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import type { CustomField, CustomFieldType } from '../records/crm-types.ts';
import { fieldErrors } from '../records/field-errors.ts';
import { type Choice, ChoicesEditor } from './choices-editor.tsx';
import { fieldTypes, hasChoices, keyFromLabel } from './field-types.ts';
import { type CustomEntity, useCreateCustomField, useUpdateCustomField } from './use-custom-fields.ts';

interface Draft {
  label: string;
  key: string;
  keyEdited: boolean;
  type: CustomFieldType;
  description: string;
  choices: Choice[];
  currency: string;
  required: boolean;
  unique: boolean;
  indexed: boolean;
}

const fresh = (f?: CustomField): Draft => ({
  label: f?.label ?? '',
  key: f?.key ?? '',
  keyEdited: !!f,
  type: f?.type ?? 'text',
  description: f?.description ?? '',
  choices: f?.choices.length ? f.choices : [{ value: '', label: '' }],
  currency: f?.currency ?? '',
  required: f?.required ?? false,
  unique: f?.unique ?? false,
  indexed: f?.indexed ?? false,
});
const keys = ['label', 'key', 'type', 'description', 'choices', 'currency', 'required', 'unique', 'indexed'];
const entityNames: Record<CustomEntity, string> = { contact: 'contacts', company: 'companies', deal: 'deals' };

/** Define a custom field (label → key, type, type-specific options, rules) or edit one (type and key stay). */
export function CustomFieldModal({
  opened,
  onClose,
  entityType,
  field,
}: {
  opened: boolean;
  onClose: () => void;
  entityType: CustomEntity;
  field?: CustomField;
}) {
  const create = useCreateCustomField();
  const update = useUpdateCustomField();
  const mutation = field ? update : create;
  const [d, setD] = useState<Draft>(() => fresh(field));
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when the dialog opens on another field
  useEffect(() => {
    if (opened) {
      setD(fresh(field));
      mutation.reset();
    }
  }, [opened, field?.id]);
  const set = (p: Partial<Draft>) => setD((x) => ({ ...x, ...p }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const common = {
      label: d.label.trim(),
      description: d.description.trim(),
      required: d.required,
      unique: d.unique,
      indexed: d.indexed,
      ...(hasChoices(d.type) && {
        choices: d.choices.map((c) => ({ value: c.value.trim(), label: c.label.trim() })).filter((c) => c.value || c.label),
      }),
      ...(d.type === 'money' && d.currency.trim() && { currency: d.currency.trim().toUpperCase() }),
    };
    const done = () => {
      notifications.show({ color: 'teal', message: field ? 'Field saved' : `Field “${common.label}” added to ${entityNames[entityType]}` });
      onClose();
    };
    if (field) update.mutate({ id: field.id, body: common }, { onSuccess: done });
    else create.mutate({ ...common, entityType, key: d.key, type: d.type }, { onSuccess: done });
  };
  const { byField, unplaced } = fieldErrors(mutation.error, keys);
  const typeInfo = fieldTypes.find((t) => t.value === d.type);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={<Text fw={650}>{field ? `Edit “${field.label}”` : `New ${entityType} field`}</Text>}
      size="lg"
    >
      <form onSubmit={submit} noValidate aria-label={field ? 'Edit custom field' : 'New custom field'}>
        <Stack gap="md">
          {mutation.error != null && unplaced && <ErrorAlert error={mutation.error} title="Could not save the field" />}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label="Label"
              required
              placeholder="e.g. Preferred language"
              value={d.label}
              onChange={(e) => set({ label: e.currentTarget.value, ...(!d.keyEdited && { key: keyFromLabel(e.currentTarget.value) }) })}
              error={byField.label}
              data-autofocus
            />
            <TextInput
              label="Key"
              description={field ? 'Used by the API and imports; cannot change' : 'Used by the API and imports'}
              ff="monospace"
              value={d.key}
              disabled={!!field}
              onChange={(e) => set({ key: e.currentTarget.value, keyEdited: true })}
              error={byField.key}
            />
          </SimpleGrid>
          <Select
            label="Type"
            description={field ? 'The type cannot change once the field exists' : typeInfo?.hint}
            data={fieldTypes.map((t) => ({ value: t.value, label: t.label }))}
            value={d.type}
            onChange={(v) => v && set({ type: v as CustomFieldType })}
            disabled={!!field}
            error={byField.type}
          />
          {hasChoices(d.type) && (
            <ChoicesEditor
              value={d.choices}
              onChange={(choices) => set({ choices })}
              error={byField.choices}
              lockedValues={field?.choices.map((c) => c.value) ?? []}
            />
          )}
          {d.type === 'money' && (
            <TextInput
              label="Currency"
              placeholder="Workspace currency"
              description="3-letter ISO code, e.g. EUR"
              maxLength={3}
              value={d.currency}
              onChange={(e) => set({ currency: e.currentTarget.value.toUpperCase() })}
              error={byField.currency}
              w={220}
            />
          )}
          <Textarea
            label="Help text"
            description="Shown under the field in forms"
            autosize
            minRows={1}
            value={d.description}
            onChange={(e) => set({ description: e.currentTarget.value })}
            error={byField.description}
          />
          <Stack gap="xs">
            <Switch
              label="Required"
              description="New records must have a value"
              checked={d.required}
              onChange={(e) => set({ required: e.currentTarget.checked })}
              error={byField.required}
            />
            <Switch
              label="Unique"
              description="No two records may share a value"
              checked={d.unique}
              onChange={(e) => set({ unique: e.currentTarget.checked })}
              error={byField.unique}
            />
            <Switch
              label="Indexed"
              description="Keeps filtering and sorting by this field fast on large lists"
              checked={d.indexed}
              onChange={(e) => set({ indexed: e.currentTarget.checked })}
              error={byField.indexed}
            />
          </Stack>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending} disabled={!d.label.trim()}>
              {field ? 'Save field' : 'Add field'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
