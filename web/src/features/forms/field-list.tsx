import { ActionIcon, Badge, Button, Group, Menu, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconGripVertical, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { reorderKeys } from '../../components/reorder-keys.ts';
import { type FieldType, type FormField, fieldTypes } from './form-types.ts';

const typeLabels: Record<FieldType, string> = {
  text: 'Short text',
  email: 'Email',
  phone: 'Phone',
  url: 'Website',
  number: 'Number',
  textarea: 'Long text',
  select: 'Dropdown',
  checkbox: 'Checkbox',
  hidden: 'Hidden (UTM, source…)',
};

/** A new field of a type with a unique key. */
export function newField(type: FieldType, taken: string[]): FormField {
  const base = type === 'hidden' ? 'utm_source' : type;
  let key = base;
  for (let i = 2; taken.includes(key); i++) key = `${base}_${i}`;
  return {
    key,
    label: type === 'hidden' ? 'UTM source' : typeLabels[type],
    type,
    ...(type === 'select' ? { options: ['Option 1', 'Option 2'] } : {}),
    ...(type === 'hidden' ? { mapTo: 'utm.source' } : {}),
  };
}

/**
 * The form's fields in order: drag a row (or focus it and press Alt+↑/↓, or use the arrows) to reorder, click to
 * edit it in the settings panel.
 */
export function FieldList({
  fields,
  selected,
  onSelect,
  onChange,
}: {
  fields: FormField[];
  selected: number;
  onSelect: (i: number) => void;
  onChange: (fields: FormField[], selected?: number) => void;
}) {
  const [dragging, setDragging] = useState<number | null>(null);
  const move = (from: number, to: number) => {
    if (to < 0 || to >= fields.length || from === to) return;
    const next = [...fields];
    const [f] = next.splice(from, 1);
    next.splice(to, 0, f!);
    onChange(next, to);
  };
  return (
    <Stack gap="xs">
      {fields.map((f, i) => (
        <Paper
          key={f.key}
          withBorder
          p="xs"
          draggable
          onDragStart={() => setDragging(i)}
          onDragOver={(e) => e.preventDefault()}
          onDrop={() => {
            if (dragging !== null) move(dragging, i);
            setDragging(null);
          }}
          onClick={() => onSelect(i)}
          onKeyDown={reorderKeys(i, move, () => onSelect(i))}
          tabIndex={0}
          role="button"
          aria-pressed={selected === i}
          aria-label={`${f.label} (${typeLabels[f.type]}); Alt+arrow keys move it`}
          data-testid="form-field-row"
          style={{
            cursor: 'pointer',
            borderColor: selected === i ? 'var(--mantine-color-blue-5)' : undefined,
            opacity: dragging === i ? 0.5 : 1,
          }}
        >
          <Group gap="xs" wrap="nowrap">
            <IconGripVertical size={16} color="var(--mantine-color-dimmed)" aria-hidden />
            <div style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm" fw={600} truncate>
                {f.label}
                {f.required && ' *'}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {typeLabels[f.type]} · {f.key}
                {f.mapTo ? ` → ${f.mapTo}` : ''}
              </Text>
            </div>
            {f.mapTo === 'contact.email' && (
              <Badge size="xs" variant="light">
                Dedupe key
              </Badge>
            )}
            <Tooltip label="Move up">
              <ActionIcon
                variant="subtle"
                aria-label={`Move ${f.label} up`}
                disabled={i === 0}
                onClick={(e) => {
                  e.stopPropagation();
                  move(i, i - 1);
                }}
              >
                <IconArrowUp size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Move down">
              <ActionIcon
                variant="subtle"
                aria-label={`Move ${f.label} down`}
                disabled={i === fields.length - 1}
                onClick={(e) => {
                  e.stopPropagation();
                  move(i, i + 1);
                }}
              >
                <IconArrowDown size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Remove field">
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Remove ${f.label}`}
                onClick={(e) => {
                  e.stopPropagation();
                  onChange(
                    fields.filter((_, j) => j !== i),
                    Math.max(0, Math.min(selected, fields.length - 2)),
                  );
                }}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Paper>
      ))}
      <Menu position="bottom-start">
        <Menu.Target>
          <Button variant="light" leftSection={<IconPlus size={16} />}>
            Add field
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {fieldTypes.map((t) => (
            <Menu.Item
              key={t}
              onClick={() =>
                onChange(
                  [
                    ...fields,
                    newField(
                      t,
                      fields.map((f) => f.key),
                    ),
                  ],
                  fields.length,
                )
              }
            >
              {typeLabels[t]}
            </Menu.Item>
          ))}
        </Menu.Dropdown>
      </Menu>
    </Stack>
  );
}
