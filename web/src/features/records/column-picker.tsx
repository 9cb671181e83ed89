import { Button, Checkbox, Divider, Group, Popover, ScrollArea, Stack, Text, TextInput } from '@mantine/core';
import { IconColumns, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import type { FieldInfo } from './field-catalog.ts';

/** Choose the list's columns: a searchable checklist (the name column is always shown). */
export function ColumnPicker({
  fields,
  value,
  onChange,
  onReset,
  fixed,
}: {
  fields: FieldInfo[];
  value: string[];
  onChange: (keys: string[]) => void;
  onReset: () => void;
  fixed: string;
}) {
  const [q, setQ] = useState('');
  const shown = fields.filter((f) => f.key !== fixed && f.label.toLowerCase().includes(q.trim().toLowerCase()));
  const toggle = (key: string, on: boolean) =>
    // Keep the catalog order so columns do not jump around as they are switched on and off.
    onChange(on ? fields.map((f) => f.key).filter((k) => k === key || value.includes(k)) : value.filter((k) => k !== key));
  return (
    <Popover position="bottom-end" shadow="md" width={260} trapFocus withRoles={false}>
      <Popover.Target>
        <Button variant="default" leftSection={<IconColumns size={16} />}>
          Columns
        </Button>
      </Popover.Target>
      <Popover.Dropdown p="sm" aria-label="Choose columns" role="dialog">
        <TextInput
          size="xs"
          placeholder="Find a field"
          leftSection={<IconSearch size={14} />}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          aria-label="Find a field"
          mb="xs"
          data-autofocus
        />
        <ScrollArea.Autosize mah={320} type="auto">
          <Stack gap={8} py={4}>
            {shown.map((f) => (
              <Checkbox
                key={f.key}
                size="xs"
                label={
                  <Group gap={6}>
                    <span>{f.label}</span>
                    {f.custom && (
                      <Text span size="xs" c="dimmed">
                        custom
                      </Text>
                    )}
                  </Group>
                }
                checked={value.includes(f.key)}
                onChange={(e) => toggle(f.key, e.currentTarget.checked)}
              />
            ))}
            {shown.length === 0 && (
              <Text size="xs" c="dimmed">
                No field matches “{q}”.
              </Text>
            )}
          </Stack>
        </ScrollArea.Autosize>
        <Divider my="xs" />
        <Button variant="subtle" size="compact-xs" color="gray" onClick={onReset}>
          Reset to default columns
        </Button>
      </Popover.Dropdown>
    </Popover>
  );
}
