import { Badge, Button, Grid, Group, Paper, Skeleton, Stack, Tabs, Text, UnstyledButton } from '@mantine/core';
import { IconCopyCheck } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import type { RecordEntity } from '../records/crm-types.ts';
import classes from './duplicates.module.css';
import { MergeCompare } from './merge-compare.tsx';
import { type DuplicatePair, reasonLabels, useDuplicatePairs } from './use-duplicates.ts';

const title = (r: DuplicatePair['records'][number]) => r.displayName ?? r.name ?? '(no name)';
const hint = (r: DuplicatePair['records'][number]) => r.email ?? r.phone ?? r.domain ?? '';

function PairList({ entity, selected, onSelect }: { entity: RecordEntity; selected: string | null; onSelect: (p: DuplicatePair) => void }) {
  const pairs = useDuplicatePairs(entity);
  const items = useMemo(() => pairs.data?.pages.flatMap((p) => p.items) ?? [], [pairs.data]);
  if (pairs.isPending)
    return (
      <Stack gap="sm">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} height={64} radius="md" />
        ))}
      </Stack>
    );
  if (pairs.isError) return <ErrorAlert error={pairs.error} title="Could not look for duplicates" onRetry={() => pairs.refetch()} />;
  if (items.length === 0 && !pairs.hasNextPage)
    return (
      <Paper>
        <Empty
          icon={<IconCopyCheck size={26} />}
          title="No likely duplicates"
          description={`Tandem compares ${entity === 'contact' ? 'phones, names and emails' : 'domains and names'}; nothing looks doubled right now.`}
        />
      </Paper>
    );
  return (
    <Stack gap={6} role="list" aria-label="Candidate pairs">
      {items.map((p) => {
        const key = p.ids.join(':');
        return (
          <UnstyledButton
            key={key}
            role="listitem"
            className={classes.pair}
            data-active={selected === key || undefined}
            onClick={() => onSelect(p)}
            aria-current={selected === key || undefined}
          >
            <Group justify="space-between" wrap="nowrap" gap="xs" mb={4}>
              <Badge size="sm" color="orange" variant="light" tt="none">
                {reasonLabels[p.reason] ?? p.reason}
              </Badge>
              <Text size="xs" c="dimmed" className="tabular">
                {Math.round(p.score * 100)}% alike
              </Text>
            </Group>
            {p.records.map((r) => (
              <Text key={r.id} size="sm" truncate="end">
                <b>{title(r)}</b>{' '}
                <Text span size="xs" c="dimmed">
                  {hint(r)}
                </Text>
              </Text>
            ))}
          </UnstyledButton>
        );
      })}
      {pairs.hasNextPage && (
        <Button variant="subtle" size="xs" onClick={() => pairs.fetchNextPage()} loading={pairs.isFetchingNextPage}>
          Look for more
        </Button>
      )}
    </Stack>
  );
}

/** CRM → Duplicates: likely doubled contacts and companies; compare a pair side by side, merge it or dismiss it. */
export function DuplicatesScreen() {
  const [entity, setEntity] = useState<RecordEntity>('contact');
  const [pair, setPair] = useState<DuplicatePair | null>(null);
  const key = pair?.ids.join(':') ?? null;
  return (
    <>
      <PageHeader
        title="Duplicates"
        description="Records that are probably the same person or company. Merging keeps every email, phone, activity and task."
      />
      <Tabs
        value={entity}
        onChange={(v) => {
          setEntity((v as RecordEntity) ?? 'contact');
          setPair(null);
        }}
        variant="pills"
        radius="md"
        mb="md"
      >
        <Tabs.List>
          <Tabs.Tab value="contact">Contacts</Tabs.Tab>
          <Tabs.Tab value="company">Companies</Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <PairList entity={entity} selected={key} onSelect={setPair} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          {pair ? (
            <MergeCompare key={key} entity={entity} ids={pair.ids} onDone={() => setPair(null)} />
          ) : (
            <Paper p="lg">
              <Text fw={650} mb={6}>
                How it works
              </Text>
              <Text size="sm" c="dimmed">
                Tandem pairs{' '}
                {entity === 'contact'
                  ? 'contacts that share a phone number, have similar names at the same company, or the same name and email user'
                  : 'companies that share a domain or have very similar names'}
                . Choose a pair to compare it field by field and pick which value stays; merging keeps every email, phone, activity and
                task. Pairs you mark as “Not duplicates” do not come back.
              </Text>
            </Paper>
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}
