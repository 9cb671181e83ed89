import { ActionIcon, AppShell, Box, Burger, Group, ScrollArea, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMoon, IconSun } from '@tabler/icons-react';
import { Link, Outlet, useRouterState } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { Logo } from '../../components/logo.tsx';
import { NotificationsBell } from '../notifications/notifications-bell.tsx';
import { SearchButton } from '../search/search-button.tsx';
import classes from './shell.module.css';
import { SideNav } from './side-nav.tsx';
import { useColorSchemeToggle } from './use-color-scheme-toggle.ts';
import { UserMenu } from './user-menu.tsx';
import { WorkspaceSwitcher } from './workspace-switcher.tsx';

function ThemeToggle() {
  const { scheme, toggle } = useColorSchemeToggle();
  const label = scheme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme';
  return (
    <Tooltip label={label}>
      <ActionIcon variant="subtle" color="gray" size="lg" onClick={toggle} aria-label={label} data-testid="theme-toggle">
        {scheme === 'dark' ? <IconSun size={18} stroke={1.7} /> : <IconMoon size={18} stroke={1.7} />}
      </ActionIcon>
    </Tooltip>
  );
}

/** The signed-in app: sidebar (brand, workspace, navigation, account) and the page. */
export function AppFrame() {
  const [opened, { toggle, close }] = useDisclosure(false);
  const pathname = useRouterState({ select: (s) => s.location.pathname });
  const main = useRef<HTMLDivElement>(null);
  const firstRender = useRef(true);
  // After client-side navigation, move focus to the new page so keyboard and screen-reader users start there.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (pathname) main.current?.focus({ preventScroll: true });
  }, [pathname]);
  return (
    <AppShell
      navbar={{ width: 264, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      header={{ height: { base: 56, sm: 0 } }}
      padding={0}
    >
      <a href="#main" className={classes.skipLink}>
        Skip to content
      </a>
      <AppShell.Header hiddenFrom="sm" px="md">
        <Group h="100%" justify="space-between">
          <Group gap="sm">
            <Burger opened={opened} onClick={toggle} size="sm" aria-label={opened ? 'Close navigation' : 'Open navigation'} />
            <Logo size={24} />
          </Group>
          <Group gap={4}>
            <NotificationsBell />
            <ThemeToggle />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar className={classes.navbar}>
        <AppShell.Section className={classes.brand} visibleFrom="sm">
          <Group justify="space-between" wrap="nowrap">
            <Link to="/" aria-label="Tandem home" style={{ textDecoration: 'none', color: 'inherit' }}>
              <Logo />
            </Link>
            <Group gap={2} wrap="nowrap">
              <NotificationsBell />
              <ThemeToggle />
            </Group>
          </Group>
        </AppShell.Section>
        <AppShell.Section px="md" pt={{ base: 'md', sm: 4 }} pb="md">
          <WorkspaceSwitcher />
          <div style={{ marginTop: 10 }}>
            <SearchButton />
          </div>
        </AppShell.Section>
        <AppShell.Section grow component={ScrollArea} px="md" pb="md">
          <SideNav onNavigate={close} />
        </AppShell.Section>
        <AppShell.Section p="sm" style={{ borderTop: '1px solid var(--tandem-border)' }}>
          <UserMenu />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main className={classes.main}>
        <Box
          id="main"
          ref={main}
          tabIndex={-1}
          className={classes.content}
          px={{ base: 'md', sm: 'xl' }}
          py={{ base: 'lg', sm: 32 }}
          maw={1240}
          mx="auto"
        >
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
