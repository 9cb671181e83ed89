import { ActionIcon, Button, Group, Input, Stack, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { keyFromLabel } from './field-types.ts';

export interface Choice {
  value: string;
  label: string;
}

/** The options of a choice field: label (what people see) and value (what is stored), add and remove. */
export function ChoicesEditor({
  value,
  onChange,
  error,
  lockedValues,
}: {
  value: Choice[];
  onChange: (c: Choice[]) => void;
  error?: string;
  lockedValues: string[];
}) {
  const set = (i: number, patch: Partial<Choice>) => onChange(value.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <Input.Wrapper label="Options" description="Stored values cannot change once saved; labels can." error={error} required>
      <Stack gap={6} mt={6}>
        {value.map((c, i) => {
          const locked = lockedValues.includes(c.value);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place
            <Group key={i} gap={6} wrap="nowrap">
              <TextInput
                flex={1}
                aria-label={`Option ${i + 1} label`}
                placeholder="Label"
                value={c.label}
                onChange={(e) => {
                  const label = e.currentTarget.value;
                  set(i, locked || (c.value && c.value !== keyFromLabel(c.label)) ? { label } : { label, value: keyFromLabel(label) });
                }}
              />
              <TextInput
                w={150}
                aria-label={`Option ${i + 1} value`}
                placeholder="value"
                value={c.value}
                disabled={locked}
                onChange={(e) => set(i, { value: e.currentTarget.value })}
                ff="monospace"
              />
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Remove option ${i + 1}`}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
                disabled={value.length === 1}
              >
                <IconTrash size={15} />
              </ActionIcon>
            </Group>
          );
        })}
        <div>
          <Button
            variant="subtle"
            size="compact-xs"
            leftSection={<IconPlus size={13} />}
            onClick={() => onChange([...value, { value: '', label: '' }])}
          >
            Add option
          </Button>
        </div>
      </Stack>
    </Input.Wrapper>
  );
}
