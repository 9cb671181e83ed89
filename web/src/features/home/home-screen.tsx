import { Badge, Box, Grid, Group, Paper, Progress, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconApi, IconBuilding, IconCheck, IconKey, IconUserCircle, IconUserPlus, IconWebhook } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ButtonLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { type Role, roleLabels } from '../../lib/api/index.ts';
import { useMe } from '../auth/use-me.ts';
import classes from './home.module.css';
import { type Step, useOnboarding } from './use-onboarding.ts';

const stepText: Record<Step['id'], { title: string; text: string; icon: ReactNode; action: ReactNode }> = {
  workspace: {
    title: 'Confirm time zone and currency',
    text: 'Reports, due dates and deal values use them. Set who sales reps can see, too.',
    icon: <IconBuilding size={18} />,
    action: (
      <ButtonLink to="/settings/workspace" variant="default" size="xs">
        Open workspace settings
      </ButtonLink>
    ),
  },
  team: {
    title: 'Invite your team',
    text: 'Marketing and sales work on the same records. Invite people and pick a role for each.',
    icon: <IconUserPlus size={18} />,
    action: (
      <ButtonLink to="/settings/users" variant="default" size="xs">
        Invite people
      </ButtonLink>
    ),
  },
  'api-key': {
    title: 'Connect your tools with an API key',
    text: 'Import data or sync other systems through the REST API.',
    icon: <IconKey size={18} />,
    action: (
      <ButtonLink to="/settings/api-keys" variant="default" size="xs">
        Create an API key
      </ButtonLink>
    ),
  },
  webhook: {
    title: 'Get notified with a webhook',
    text: 'Tandem can POST signed events to your systems whenever something changes.',
    icon: <IconWebhook size={18} />,
    action: (
      <ButtonLink to="/settings/webhooks" variant="default" size="xs">
        Add a webhook
      </ButtonLink>
    ),
  },
  profile: {
    title: 'Check your profile',
    text: 'Make sure your name is right and choose a strong password.',
    icon: <IconUserCircle size={18} />,
    action: (
      <ButtonLink to="/settings/profile" variant="default" size="xs">
        Open profile
      </ButtonLink>
    ),
  },
};

function StepRow({ step, index }: { step: Step; index: number }) {
  const t = stepText[step.id];
  return (
    <Group className={classes.step} wrap="nowrap" align="flex-start" gap="md" data-done={step.done || undefined}>
      <ThemeIcon size={36} radius="xl" variant={step.done ? 'filled' : 'light'} color={step.done ? 'teal' : 'brand'} aria-hidden>
        {step.done ? <IconCheck size={18} /> : t.icon}
      </ThemeIcon>
      <Stack gap={4} style={{ flex: 1 }}>
        <Group gap="xs">
          <Text fw={600} size="sm" td={step.done ? 'line-through' : undefined} c={step.done ? 'dimmed' : undefined}>
            {index + 1}. {t.title}
          </Text>
          {step.done && (
            <Badge color="teal" size="xs">
              Done
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed">
          {t.text}
        </Text>
        {!step.done && (
          <Box hiddenFrom="sm" mt={6}>
            {t.action}
          </Box>
        )}
      </Stack>
      {!step.done && <Box visibleFrom="sm">{t.action}</Box>}
    </Group>
  );
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} ta="right">
        {value}
      </Text>
    </Group>
  );
}

/** Home: what to set up next, and the facts of the current workspace. No made-up numbers. */
export function HomeScreen() {
  const me = useMe();
  const { steps, workspace, isPending, error, refetch } = useOnboarding();
  const done = steps.filter((s) => s.done).length;
  // Members without admin rights have nothing to tick off; a progress bar would never move.
  const trackable = steps.some((s) => s.id !== 'profile');
  const first = (me.user?.name ?? me.actor.label).split(/\s+/)[0];
  return (
    <>
      <PageHeader title={`Welcome, ${first}`} description={`${me.workspace.name} · here is what to do next.`} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper p="lg">
            <Group justify="space-between" mb="md" wrap="nowrap">
              <div>
                <Title order={2} fz="lg">
                  Get started
                </Title>
                <Text size="sm" c="dimmed">
                  {!trackable
                    ? 'Tandem is ready for you. More areas appear in the sidebar as your admin turns them on.'
                    : done === steps.length
                      ? 'All set. New areas appear in the sidebar as modules are enabled.'
                      : `${done} of ${steps.length} done`}
                </Text>
              </div>
            </Group>
            {trackable && (
              <Progress
                value={(done / steps.length) * 100}
                size="sm"
                radius="xl"
                mb="lg"
                aria-label="Setup progress"
                color={done === steps.length ? 'teal' : 'brand'}
              />
            )}
            {error ? (
              <ErrorAlert error={error} onRetry={refetch} />
            ) : isPending ? (
              <Stack gap="md">
                <Skeleton height={56} />
                <Skeleton height={56} />
                <Skeleton height={56} />
              </Stack>
            ) : (
              <Stack gap={0}>
                {steps.map((s, i) => (
                  <StepRow key={s.id} step={s} index={i} />
                ))}
              </Stack>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <Paper p="lg">
              <Title order={2} fz="md" mb="sm">
                Your workspace
              </Title>
              {workspace.data ? (
                <Stack gap={8}>
                  <Fact label="Name" value={workspace.data.name} />
                  <Fact label="Your role" value={roleLabels[me.role as Role] ?? me.role} />
                  <Fact label="Time zone" value={workspace.data.timezone} />
                  <Fact label="Currency" value={workspace.data.currency} />
                </Stack>
              ) : workspace.isError ? (
                <ErrorAlert error={workspace.error} onRetry={() => workspace.refetch()} />
              ) : (
                <Stack gap={8}>
                  <Skeleton height={16} />
                  <Skeleton height={16} />
                  <Skeleton height={16} />
                </Stack>
              )}
            </Paper>
            <Paper p="lg">
              <Group gap="sm" mb="xs" wrap="nowrap">
                <ThemeIcon variant="light" radius="md" size={32}>
                  <IconApi size={18} />
                </ThemeIcon>
                <Title order={2} fz="md">
                  Build on Tandem
                </Title>
              </Group>
              <Text size="sm" c="dimmed" mb="md">
                Everything you can do here, you can do through the REST API. The reference lists every endpoint and lets you try it.
              </Text>
              <Text component="a" href="/api/docs" target="_blank" rel="noreferrer" size="sm" fw={600} c="brand">
                Open the API reference →
              </Text>
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
