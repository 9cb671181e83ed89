import { NavLink, type NavLinkProps, Stack, Text } from '@mantine/core';
import { createLink, useRouterState } from '@tanstack/react-router';
import type { AnchorHTMLAttributes } from 'react';
import { visibleNav } from '../../app/navigation.ts';
import { usePermissions } from '../auth/use-me.ts';
import classes from './shell.module.css';

type NavAnchorProps = NavLinkProps &
  Omit<AnchorHTMLAttributes<HTMLAnchorElement>, keyof NavLinkProps> & { ref?: React.Ref<HTMLAnchorElement> };

function NavAnchor(props: NavAnchorProps) {
  return <NavLink component="a" {...props} />;
}
const NavItemLink = createLink(NavAnchor);

/** The sidebar list, filtered by the user's permissions. */
export function SideNav({ onNavigate }: { onNavigate?: () => void }) {
  const can = usePermissions();
  const path = useRouterState({ select: (s) => s.location.pathname });
  return (
    <Stack component="nav" aria-label="Main" gap="lg">
      {visibleNav(can).map((section, i) => (
        <Stack key={section.label ?? i} gap={2}>
          {section.label && (
            <Text className={classes.sectionLabel} component="h2">
              {section.label}
            </Text>
          )}
          {section.items.map((item) => {
            const active = item.exact ? path === item.to : path === item.to || path.startsWith(`${item.to}/`);
            return (
              <NavItemLink
                key={item.to}
                to={item.to}
                label={item.label}
                leftSection={<item.icon size={18} stroke={1.7} />}
                active={active}
                aria-current={active ? 'page' : undefined}
                className={classes.navLink}
                onClick={onNavigate}
              />
            );
          })}
        </Stack>
      ))}
    </Stack>
  );
}
