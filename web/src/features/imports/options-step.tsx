import { Radio, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core';
import type { ImportEntity, ImportKey, ImportMode } from './import-types.ts';

export interface ImportOptions {
  mode: ImportMode;
  key: ImportKey;
  duplicatesInFile: 'merge' | 'report';
  saveMappingAs: string;
}

/** The key a record type is matched by first. */
export const defaultKey: Record<ImportEntity, ImportKey> = {
  contacts: 'email',
  companies: 'domain',
  deals: 'external_id',
  activities: 'external_id',
};

const keys: Record<ImportEntity, { value: ImportKey; label: string }[]> = {
  contacts: [
    { value: 'email', label: 'Email' },
    { value: 'external_id', label: 'External id column' },
  ],
  companies: [
    { value: 'domain', label: 'Company domain' },
    { value: 'external_id', label: 'External id column' },
  ],
  deals: [{ value: 'external_id', label: 'External id column (rows without one are added)' }],
  activities: [{ value: 'external_id', label: 'External id column' }],
};

const modeHelp: Record<ImportMode, string> = {
  create: 'Only new records are added; rows that match an existing record are skipped.',
  update: 'Only existing records are changed; rows that match nothing are skipped.',
  upsert: 'Rows that match an existing record update it; the others are added.',
};

/** Step 3: create, update or both; what a row is matched by; what to do with repeats inside the file; save the mapping. */
export function OptionsStep({ entity, value, onChange }: { entity: ImportEntity; value: ImportOptions; onChange(v: ImportOptions): void }) {
  return (
    <Stack gap="lg" maw={640}>
      <div>
        <Text fw={600} size="sm" mb={6} id="import-mode-label">
          Records
        </Text>
        <SegmentedControl
          aria-labelledby="import-mode-label"
          value={value.mode}
          onChange={(mode) => onChange({ ...value, mode: mode as ImportMode })}
          data={[
            { value: 'upsert', label: 'Add and update' },
            { value: 'create', label: 'Add new only' },
            { value: 'update', label: 'Update existing only' },
          ]}
        />
        <Text size="sm" c="dimmed" mt={6}>
          {modeHelp[value.mode]}
        </Text>
      </div>
      <Select
        label="Match existing records by"
        w={280}
        data={keys[entity]}
        value={value.key}
        onChange={(key) => key && onChange({ ...value, key: key as ImportKey })}
        allowDeselect={false}
      />
      <Radio.Group
        label="When the file has the same record twice"
        value={value.duplicatesInFile}
        onChange={(d) => onChange({ ...value, duplicatesInFile: d as 'merge' | 'report' })}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="merge" label="Merge the rows into one record (later rows fill and override earlier ones)" />
          <Radio value="report" label="Import the first row and list the repeats in the error report" />
        </Stack>
      </Radio.Group>
      <TextInput
        label="Save this mapping as"
        description="Optional: reuse it for the next file with the same columns."
        placeholder="e.g. Trade show leads"
        w={360}
        maxLength={100}
        value={value.saveMappingAs}
        onChange={(e) => onChange({ ...value, saveMappingAs: e.currentTarget.value })}
      />
    </Stack>
  );
}
