import { NumberInput, Select, Stack, Switch, TagsInput, Text, TextInput } from '@mantine/core';
import { builtInTargets, type FormField } from './form-types.ts';
import { useContactFieldDefs } from './use-forms.ts';

/** Everything about one field: label, name, placeholder, mapping, required, validation, options. */
export function FieldSettings({ field, onChange }: { field: FormField | undefined; onChange: (f: FormField) => void }) {
  const defs = useContactFieldDefs();
  if (!field) return <Text c="dimmed">Select a field to edit it, or add one.</Text>;
  const set = (patch: Partial<FormField>) => onChange({ ...field, ...patch });
  const targets = [
    { value: '', label: 'Keep on the submission only' },
    ...builtInTargets,
    ...(defs.data ?? []).map((d) => ({ value: `custom.${d.key}`, label: `Custom: ${d.label}` })),
  ];
  return (
    <Stack gap="sm">
      <TextInput label="Label" value={field.label} onChange={(e) => set({ label: e.currentTarget.value })} required />
      <TextInput
        label="Field name"
        description="Posted as this name; letters, digits and _"
        value={field.key}
        onChange={(e) => set({ key: e.currentTarget.value.toLowerCase().replace(/[^a-z0-9_]/g, '_') })}
      />
      <Select
        label="Saves to"
        data={targets}
        value={field.mapTo ?? ''}
        onChange={(v) => set({ mapTo: v || null })}
        allowDeselect={false}
        searchable
      />
      {field.type !== 'hidden' && field.type !== 'checkbox' && (
        <TextInput
          label="Placeholder"
          value={field.placeholder ?? ''}
          onChange={(e) => set({ placeholder: e.currentTarget.value || undefined })}
        />
      )}
      {field.type !== 'hidden' && (
        <TextInput label="Help text" value={field.help ?? ''} onChange={(e) => set({ help: e.currentTarget.value || undefined })} />
      )}
      {field.type !== 'hidden' && (
        <Switch label="Required" checked={!!field.required} onChange={(e) => set({ required: e.currentTarget.checked })} />
      )}
      {field.type === 'hidden' && (
        <TextInput
          label="Default value"
          description={`Used when the page address has no ?${field.key}= value`}
          value={field.defaultValue ?? ''}
          onChange={(e) => set({ defaultValue: e.currentTarget.value || undefined })}
        />
      )}
      {field.type === 'select' && (
        <TagsInput
          label="Options"
          description="Press Enter after each option"
          value={field.options ?? []}
          onChange={(options) => set({ options })}
        />
      )}
      {field.type === 'number' && (
        <>
          <NumberInput
            label="Smallest allowed"
            value={field.min ?? ''}
            onChange={(v) => set({ min: typeof v === 'number' ? v : undefined })}
          />
          <NumberInput
            label="Largest allowed"
            value={field.max ?? ''}
            onChange={(v) => set({ max: typeof v === 'number' ? v : undefined })}
          />
        </>
      )}
      {['text', 'textarea'].includes(field.type) && (
        <>
          <NumberInput
            label="Maximum length"
            min={1}
            max={5000}
            value={field.maxLength ?? ''}
            onChange={(v) => set({ maxLength: typeof v === 'number' ? v : undefined })}
          />
          <TextInput
            label="Pattern (regular expression)"
            description="The whole value must match, e.g. [A-Z]{2}[0-9]{4}"
            value={field.pattern ?? ''}
            onChange={(e) => set({ pattern: e.currentTarget.value || undefined })}
          />
          {field.pattern && (
            <TextInput
              label="Message when the pattern does not match"
              value={field.patternMessage ?? ''}
              onChange={(e) => set({ patternMessage: e.currentTarget.value || undefined })}
            />
          )}
        </>
      )}
    </Stack>
  );
}
