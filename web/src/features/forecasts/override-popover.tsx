import { ActionIcon, Button, Group, NumberInput, Popover, Stack, Text, Textarea } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatMinor, fromMinor, toMinor } from '../deals/money.ts';
import type { ForecastNode, OverrideCategory } from './forecast-types.ts';
import { useOverride, useOverrideHistory } from './use-forecasts.ts';

export const categoryLabel: Record<OverrideCategory, string> = { commit: 'Commit', best_case: 'Best case', pipeline: 'Pipeline' };

/** Inline editor of one figure's override: amount and the reason, with the figure's history. */
export function OverridePopover({
  node,
  category,
  computed,
  period,
  pipelineId,
  currency,
}: {
  node: ForecastNode;
  category: OverrideCategory;
  computed: number;
  period: string;
  pipelineId?: string;
  currency: string;
}) {
  const [opened, setOpened] = useState(false);
  const current = node.overrides[category];
  const [amount, setAmount] = useState<string | number>('');
  const [comment, setComment] = useState('');
  const override = useOverride();
  const subjectType = node.type === 'unassigned' ? 'workspace' : node.type;
  const history = useOverrideHistory({ period, pipelineId, subjectType, subjectId: node.id ?? '' }, opened && node.type !== 'workspace');
  const open = () => {
    setAmount(fromMinor(current?.amount ?? computed, currency));
    setComment('');
    override.reset();
    setOpened(true);
  };
  const save = (clear: boolean) => {
    const minor = clear ? null : toMinor(amount, currency);
    override.mutate(
      {
        period,
        pipelineId: pipelineId ?? null,
        subjectType,
        subjectId: node.type === 'workspace' ? undefined : (node.id ?? undefined),
        category,
        amount: minor === null || Number.isNaN(minor) ? null : minor,
        comment: clear && !comment.trim() ? 'Back to the computed figure' : comment,
      },
      { onSuccess: () => setOpened(false) },
    );
  };
  const label = `Override ${categoryLabel[category].toLowerCase()} for ${node.name}`;
  const past = (history.data ?? []).filter((h) => h.category === category).slice(0, 5);
  return (
    <Popover opened={opened} onChange={setOpened} width={320} position="bottom-end" withArrow trapFocus shadow="md">
      <Popover.Target>
        <ActionIcon variant="subtle" size="sm" aria-label={label} onClick={() => (opened ? setOpened(false) : open())}>
          <IconPencil size={14} />
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            save(false);
          }}
        >
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {label}
            </Text>
            <Text size="xs" c="dimmed">
              Computed from deals: {formatMinor(computed, currency)}
            </Text>
            <NumberInput
              label={`${categoryLabel[category]} (${currency})`}
              min={0}
              thousandSeparator=","
              value={amount}
              onChange={setAmount}
              data-autofocus
            />
            <Textarea
              label="Why"
              description="Shown beside the figure"
              required
              autosize
              minRows={2}
              value={comment}
              onChange={(e) => setComment(e.currentTarget.value)}
            />
            {override.error && <ErrorAlert error={override.error} title="Not saved" />}
            <Group justify="space-between">
              {current ? (
                <Button variant="subtle" color="gray" size="xs" onClick={() => save(true)} loading={override.isPending}>
                  Clear override
                </Button>
              ) : (
                <span />
              )}
              <Button type="submit" size="xs" loading={override.isPending}>
                Save override
              </Button>
            </Group>
            {past.length > 0 && (
              <Stack gap={4} mt="xs">
                <Text size="xs" fw={600} c="dimmed">
                  History
                </Text>
                {past.map((h) => (
                  <Text key={h.id} size="xs" c="dimmed">
                    {new Date(h.createdAt).toLocaleDateString()} · {h.authorName ?? 'Someone'}:{' '}
                    {h.amount === null ? 'cleared' : formatMinor(h.amount, currency)} (computed {formatMinor(h.computedAmount, currency)}) —
                    “{h.comment}”
                  </Text>
                ))}
              </Stack>
            )}
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
