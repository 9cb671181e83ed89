import {
  ActionIcon,
  Button,
  Center,
  Group,
  Indicator,
  Loader,
  Popover,
  ScrollArea,
  Stack,
  Text,
  Tooltip,
  UnstyledButton,
} from '@mantine/core';
import { IconBell, IconBellOff, IconChecks } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { formatDateTime, formatRelative } from '../../components/relative-time.tsx';
import type { AppNotification } from '../records/crm-types.ts';
import { formatShortDateTime } from '../records/format.ts';
import classes from './notifications.module.css';
import { useNotifications, useReadAllNotifications, useReadNotification, useUnreadCount } from './use-notifications.ts';

/** Notification bodies carry ISO instants ("Due 2024-05-01T15:00:00.000Z"): show them in local time. */
const localTimes = (text: string) => text.replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z/g, (iso) => formatShortDateTime(iso));

function Item({ n, onOpen }: { n: AppNotification; onOpen: (n: AppNotification) => void }) {
  return (
    <UnstyledButton
      className={classes.item}
      data-unread={!n.readAt || undefined}
      onClick={() => onOpen(n)}
      aria-label={`${n.readAt ? '' : 'Unread: '}${n.title}`}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <span className={classes.dot} aria-hidden />
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Text size="sm" fw={n.readAt ? 500 : 650} lineClamp={2}>
            {n.title}
          </Text>
          {n.body && (
            <Text size="xs" c="dimmed" lineClamp={2}>
              {localTimes(n.body)}
            </Text>
          )}
          <Text size="xs" c="dimmed" title={formatDateTime(n.createdAt)}>
            {formatRelative(n.createdAt)}
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

/** The bell in the app frame: unread count, the latest notifications, mark one or all read. */
export function NotificationsBell() {
  const [opened, setOpened] = useState(false);
  const unread = useUnreadCount();
  const list = useNotifications(opened);
  const read = useReadNotification();
  const readAll = useReadAllNotifications();
  const navigate = useNavigate();
  const count = unread.data ?? 0;
  const open = (n: AppNotification) => {
    if (!n.readAt) read.mutate(n.id);
    if (n.link?.startsWith('/')) {
      setOpened(false);
      navigate({ href: n.link });
    }
  };
  const label = count ? `Notifications: ${count} unread` : 'Notifications';
  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="lg" withinPortal withRoles={false}>
      <Popover.Target>
        <Tooltip label={label} disabled={opened}>
          <Indicator label={count > 99 ? '99+' : count} size={16} disabled={count === 0} color="red" offset={6} inline>
            <ActionIcon
              variant="subtle"
              color="gray"
              size="lg"
              aria-label={label}
              onClick={() => setOpened((o) => !o)}
              data-testid="notifications-bell"
            >
              <IconBell size={18} stroke={1.7} />
            </ActionIcon>
          </Indicator>
        </Tooltip>
      </Popover.Target>
      <Popover.Dropdown p={0} aria-label="Notifications" role="dialog">
        <Group justify="space-between" px="md" py="sm" className={classes.header}>
          <Text fw={650} size="sm">
            Notifications
          </Text>
          <Button
            size="compact-xs"
            variant="subtle"
            leftSection={<IconChecks size={14} />}
            disabled={count === 0}
            loading={readAll.isPending}
            onClick={() => readAll.mutate()}
          >
            Mark all read
          </Button>
        </Group>
        {list.isPending ? (
          <Center py="xl">
            <Loader size="sm" />
          </Center>
        ) : list.isError ? (
          <div style={{ padding: 12 }}>
            <ErrorAlert error={list.error} title="Could not load notifications" onRetry={() => list.refetch()} />
          </div>
        ) : list.data.length === 0 ? (
          <Stack align="center" gap={6} py="xl" px="md">
            <IconBellOff size={26} color="var(--mantine-color-dimmed)" />
            <Text size="sm" fw={600}>
              Nothing new
            </Text>
            <Text size="xs" c="dimmed" ta="center">
              Task assignments and reminders show up here.
            </Text>
          </Stack>
        ) : (
          <ScrollArea.Autosize mah={420} type="auto">
            {list.data.map((n) => (
              <Item key={n.id} n={n} onOpen={open} />
            ))}
          </ScrollArea.Autosize>
        )}
      </Popover.Dropdown>
    </Popover>
  );
}
