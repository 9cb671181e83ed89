import { Alert, Badge, Group, Paper, Select, Skeleton, Stack, Table, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useMemo } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { TableCard } from '../../components/table-card.tsx';
import type { ImportEntity, ImportFile, Mapping, Preset } from './import-types.ts';
import { useImportFields, usePreview, useSavedMappings } from './use-imports.ts';

const skip = '__skip';

interface Props {
  file: ImportFile;
  entity: ImportEntity;
  mapping: Mapping | undefined;
  onMappingChange(m: Mapping | undefined): void;
  preset: Preset | undefined;
  onPresetChange(p: Preset | undefined): void;
}

const show = (v: unknown) =>
  v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : typeof v === 'object' ? JSON.stringify(v) : String(v);

/** Step 2: each column to a field (suggested by name, synonyms or a preset; custom fields; skip), with the first rows as they will be stored. */
export function MappingStep({ file, entity, mapping, onMappingChange, preset, onPresetChange }: Props) {
  const fields = useImportFields(entity);
  const saved = useSavedMappings(entity);
  const preview = usePreview(file.id, entity, { mapping, preset });
  // The first answer without a mapping carries the suggested one: adopt it so the selects show it and edits start from it.
  useEffect(() => {
    if (!mapping && preview.data && !preview.isPlaceholderData) onMappingChange(preview.data.mapping);
  }, [mapping, preview.data, preview.isPlaceholderData, onMappingChange]);

  const options = useMemo(() => {
    const list = fields.data?.fields ?? [];
    const item = (f: (typeof list)[number]) => ({ value: f.key, label: f.required ? `${f.label} (required)` : f.label });
    return [
      { group: 'Skip', items: [{ value: skip, label: 'Don’t import this column' }] },
      { group: 'Fields', items: list.filter((f) => !f.custom).map(item) },
      { group: 'Custom fields', items: list.filter((f) => f.custom).map(item) },
    ].filter((g) => g.items.length);
  }, [fields.data]);
  const labelOf = useMemo(() => new Map((fields.data?.fields ?? []).map((f) => [f.key, f.label])), [fields.data]);

  const current = mapping ?? preview.data?.mapping ?? {};
  const mappedKeys = Object.values(current).filter((v): v is string => !!v);
  const duplicates = mappedKeys.filter((k, i) => mappedKeys.indexOf(k) !== i);
  const missing = (fields.data?.fields ?? []).filter((f) => f.required && !mappedKeys.includes(f.key));
  const rows = preview.data?.rows ?? [];
  const badRows = rows.filter((r) => r.errors.length).length;
  const sample = (i: number) =>
    file.sampleRows
      .map((r) => r[i] ?? '')
      .filter(Boolean)
      .slice(0, 2)
      .join(' · ');

  if (fields.isError) return <ErrorAlert error={fields.error} title="Could not load the fields" onRetry={() => fields.refetch()} />;
  return (
    <Stack gap="lg">
      <Group gap="md" align="flex-end" wrap="wrap">
        <Select
          label="Column names from"
          w={240}
          value={preset ?? 'auto'}
          onChange={(v) => {
            onPresetChange(v === 'hubspot' || v === 'salesforce' ? v : undefined);
            onMappingChange(undefined);
          }}
          data={[
            { value: 'auto', label: 'Detect automatically' },
            { value: 'hubspot', label: 'A HubSpot export' },
            { value: 'salesforce', label: 'A Salesforce export' },
          ]}
          allowDeselect={false}
        />
        <Select
          label="Saved mapping"
          w={260}
          placeholder={saved.data?.items.length ? 'Apply a saved mapping' : 'None saved yet'}
          disabled={!saved.data?.items.length}
          data={(saved.data?.items ?? []).map((m) => ({ value: m.id, label: m.name }))}
          value={null}
          onChange={(id) => {
            const m = saved.data?.items.find((x) => x.id === id);
            if (m) onMappingChange(Object.fromEntries(file.headers.map((h) => [h, m.mapping[h] ?? null])));
          }}
        />
        {preview.data?.suggested && (
          <Badge variant="light" color="teal" mb={8}>
            Suggested from the column names
          </Badge>
        )}
      </Group>

      {missing.length > 0 && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title="Required fields are not mapped">
          Map a column to {missing.map((f) => f.label).join(', ')}, or rows without them will fail.
        </Alert>
      )}
      {duplicates.length > 0 && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} title="Two columns go to one field">
          {[...new Set(duplicates)].map((k) => labelOf.get(k) ?? k).join(', ')}: map each field from one column only.
        </Alert>
      )}

      <TableCard label="Column mapping" minWidth={640}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Column in the file</Table.Th>
            <Table.Th>Sample values</Table.Th>
            <Table.Th w={300}>Import as</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {file.headers.map((h, i) => (
            <Table.Tr key={h} data-testid="mapping-row">
              <Table.Td>
                <Text size="sm" fw={600}>
                  {h}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed" lineClamp={1} maw={320}>
                  {sample(i) || '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                {fields.isPending ? (
                  <Skeleton height={32} />
                ) : (
                  <Select
                    aria-label={`Import column ${h} as`}
                    data={options}
                    searchable
                    value={current[h] ?? skip}
                    onChange={(v) => onMappingChange({ ...current, [h]: !v || v === skip ? null : v })}
                    allowDeselect={false}
                    comboboxProps={{ withinPortal: true }}
                  />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </TableCard>

      <div>
        <Group justify="space-between" mb="xs">
          <Text fw={600}>Preview of the first rows as they will be stored</Text>
          {rows.length > 0 && (
            <Text size="sm" c={badRows ? 'red' : 'dimmed'} data-testid="preview-problems">
              {badRows
                ? `${badRows} of the first ${rows.length} rows have problems: they will be skipped and listed in the error report.`
                : `The first ${rows.length} rows look fine.`}
            </Text>
          )}
        </Group>
        {preview.isError ? (
          <ErrorAlert error={preview.error} title="Could not preview with this mapping" onRetry={() => preview.refetch()} />
        ) : preview.isPending ? (
          <Paper p="lg">
            <Skeleton height={120} />
          </Paper>
        ) : (
          <TableCard label="Preview" minWidth={Math.max(640, mappedKeys.length * 140)}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Row</Table.Th>
                {mappedKeys.map((k) => (
                  <Table.Th key={k}>{labelOf.get(k) ?? k}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody style={{ opacity: preview.isPlaceholderData ? 0.6 : 1 }}>
              {rows.map((r) => (
                <Table.Tr key={r.rowNumber} data-testid="preview-row" data-bad={r.errors.length ? true : undefined}>
                  <Table.Td>
                    <Text size="sm" c={r.errors.length ? 'red' : 'dimmed'}>
                      {r.rowNumber}
                    </Text>
                  </Table.Td>
                  {mappedKeys.map((k) => {
                    const problem = r.errors.find((e) => e.field === k);
                    return (
                      <Table.Td key={k} bg={problem ? 'var(--mantine-color-red-light)' : undefined}>
                        {problem ? (
                          <Tooltip label={problem.problem} multiline maw={320}>
                            <Text size="sm" c="red" tabIndex={0} aria-label={`${show(problem.value)}: ${problem.problem}`}>
                              {show(problem.value) || '(empty)'}
                            </Text>
                          </Tooltip>
                        ) : (
                          <Text size="sm" lineClamp={1}>
                            {show(r.values[k])}
                          </Text>
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </TableCard>
        )}
      </div>
    </Stack>
  );
}
