import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCheck, IconSelector } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { errorMessage, type Role, roleLabels } from '../../lib/api/index.ts';
import { useMe } from '../auth/use-me.ts';
import { useSwitchWorkspace } from '../auth/use-session.ts';
import classes from './shell.module.css';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('') || '?';

function WorkspaceBadge({ name, role }: { name: string; role: string }) {
  return (
    <Group gap="sm" wrap="nowrap" style={{ minWidth: 0, flex: 1 }}>
      <Avatar radius="md" size={34} color="brand" variant="filled">
        {initials(name)}
      </Avatar>
      <div style={{ minWidth: 0 }}>
        <Text size="sm" fw={600} truncate="end">
          {name}
        </Text>
        <Text size="xs" c="dimmed" truncate="end">
          {roleLabels[role as Role] ?? role}
        </Text>
      </div>
    </Group>
  );
}

/** The current workspace; a menu to switch when the user belongs to several. */
export function WorkspaceSwitcher() {
  const me = useMe();
  const switchWs = useSwitchWorkspace();
  const navigate = useNavigate();
  const current = <WorkspaceBadge name={me.workspace.name} role={me.role} />;
  if (me.workspaces.length < 2) return <div className={classes.workspace}>{current}</div>;
  const choose = (id: string) => {
    if (id === me.workspace.id) return;
    switchWs.mutate(id, {
      onSuccess: () => navigate({ to: '/' }),
      onError: (err) => notifications.show({ color: 'red', title: 'Could not switch workspace', message: errorMessage(err) }),
    });
  };
  return (
    <Menu position="bottom-start" width="target" withinPortal>
      <Menu.Target>
        <UnstyledButton className={classes.workspace} aria-label={`Workspace: ${me.workspace.name}. Switch workspace`}>
          <Group wrap="nowrap" gap="xs">
            {current}
            <IconSelector size={16} stroke={1.6} color="var(--mantine-color-dimmed)" />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Switch workspace</Menu.Label>
        {me.workspaces.map((w) => (
          <Menu.Item key={w.id} onClick={() => choose(w.id)} rightSection={w.id === me.workspace.id ? <IconCheck size={16} /> : null}>
            <Text size="sm">{w.name}</Text>
            <Text size="xs" c="dimmed">
              {roleLabels[w.role as Role] ?? w.role}
            </Text>
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

export { initials };
