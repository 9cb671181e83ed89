import { ActionIcon, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { Dispatch, SetStateAction } from 'react';

const letters = ['A', 'B', 'C', 'D'];

export interface VariantDraft {
  templateId: string | null;
  subject: string;
}

export interface AbTest {
  testPercent: number | string;
  metric: 'open' | 'click';
  afterHours: number | string;
}

/** The content: one template and subject, or 2–4 variants with the A/B test's share, metric and wait. */
export function BroadcastVariants({
  variants,
  setVariants,
  templateData,
  test,
  setTest,
}: {
  variants: VariantDraft[];
  setVariants: Dispatch<SetStateAction<VariantDraft[]>>;
  templateData: { value: string; label: string }[];
  test: AbTest;
  setTest: (change: Partial<AbTest>) => void;
}) {
  const ab = variants.length > 1;
  return (
    <Paper p="md">
      <Group justify="space-between" mb="xs">
        <Title order={3} size="h5">
          {ab ? 'Variants (A/B test)' : 'Content'}
        </Title>
        <Button
          size="compact-sm"
          variant="subtle"
          leftSection={<IconPlus size={14} />}
          disabled={variants.length >= 4}
          onClick={() => setVariants((v) => [...v, { templateId: v[0]?.templateId ?? null, subject: '' }])}
        >
          Add variant
        </Button>
      </Group>
      <Stack gap="sm">
        {variants.map((v, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: variants are positional (A, B, C, D)
          <Group key={i} align="flex-end" gap="sm" wrap="nowrap">
            {ab && (
              <Text fw={700} w={20} pb={8}>
                {letters[i]}
              </Text>
            )}
            <Select
              flex={1}
              label={ab ? `Template ${letters[i]}` : 'Template'}
              placeholder="Pick a template"
              searchable
              data={templateData}
              value={v.templateId}
              onChange={(templateId) => setVariants((all) => all.map((x, j) => (j === i ? { ...x, templateId } : x)))}
            />
            <TextInput
              flex={1}
              label={ab ? `Subject ${letters[i]}` : 'Subject'}
              placeholder="The template's subject"
              value={v.subject}
              onChange={(e) => {
                const subject = e.currentTarget.value;
                setVariants((all) => all.map((x, j) => (j === i ? { ...x, subject } : x)));
              }}
            />
            {ab && (
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={`Remove variant ${letters[i]}`}
                onClick={() => setVariants((all) => all.filter((_, j) => j !== i))}
              >
                <IconTrash size={16} />
              </ActionIcon>
            )}
          </Group>
        ))}
        {ab && (
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label="Test share (%)"
              description="The rest gets the winner"
              min={1}
              max={100}
              value={test.testPercent}
              onChange={(testPercent) => setTest({ testPercent })}
            />
            <Select
              label="Winner"
              description="Best rate among the test"
              data={[
                { value: 'open', label: 'Human open rate' },
                { value: 'click', label: 'Click rate' },
              ]}
              value={test.metric}
              onChange={(m) => m && setTest({ metric: m as AbTest['metric'] })}
              allowDeselect={false}
            />
            <NumberInput
              label="Pick after (hours)"
              description="Wait from the test send"
              min={0}
              max={336}
              value={test.afterHours}
              onChange={(afterHours) => setTest({ afterHours })}
            />
          </SimpleGrid>
        )}
      </Stack>
    </Paper>
  );
}
