import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconBook, IconChevronRight, IconLogout, IconMoon, IconSun, IconUserCircle } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useMe } from '../auth/use-me.ts';
import { useLogout } from '../auth/use-session.ts';
import classes from './shell.module.css';
import { useColorSchemeToggle } from './use-color-scheme-toggle.ts';
import { initials } from './workspace-switcher.tsx';

/** The signed-in person at the bottom of the sidebar: profile, theme, API docs, sign out. */
export function UserMenu() {
  const me = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  const { scheme, toggle } = useColorSchemeToggle();
  const name = me.user?.name ?? me.actor.label;
  const email = me.user?.email ?? '';
  const signOut = () => logout.mutate(undefined, { onSettled: () => navigate({ to: '/login', search: {} }) });
  return (
    <Menu position="top-start" width={240} withinPortal>
      <Menu.Target>
        <UnstyledButton className={classes.user} aria-label={`Account menu for ${name}`}>
          <Group wrap="nowrap" gap="sm">
            <Avatar radius="xl" size={34} color="initials" name={name}>
              {initials(name)}
            </Avatar>
            <div style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm" fw={600} truncate="end">
                {name}
              </Text>
              <Text size="xs" c="dimmed" truncate="end">
                {email}
              </Text>
            </div>
            <IconChevronRight size={16} stroke={1.6} color="var(--mantine-color-dimmed)" />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{email || name}</Menu.Label>
        <Menu.Item leftSection={<IconUserCircle size={16} />} onClick={() => navigate({ to: '/settings/profile' })}>
          Profile
        </Menu.Item>
        <Menu.Item leftSection={scheme === 'dark' ? <IconSun size={16} /> : <IconMoon size={16} />} onClick={toggle}>
          {scheme === 'dark' ? 'Light theme' : 'Dark theme'}
        </Menu.Item>
        <Menu.Item leftSection={<IconBook size={16} />} component="a" href="/api/docs" target="_blank" rel="noreferrer">
          API documentation
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} color="red" onClick={signOut}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
