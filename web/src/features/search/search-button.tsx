import { Group, Kbd, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useOs } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { usePermissions } from '../auth/use-me.ts';
import { CommandPalette } from './command-palette.tsx';
import classes from './search-button.module.css';

/** The sidebar's "Search…" box that opens the command palette (also ⌘K / Ctrl+K anywhere). */
export function SearchButton() {
  const can = usePermissions();
  const [opened, { open, close }] = useDisclosure(false);
  const mac = useOs() === 'macos';
  if (!can('contacts:read')) return null;
  return (
    <>
      <UnstyledButton
        className={classes.button}
        onClick={open}
        aria-label="Search contacts, companies and deals"
        aria-keyshortcuts={mac ? 'Meta+K' : 'Control+K'}
      >
        <Group gap={8} wrap="nowrap" justify="space-between">
          <Group gap={8} wrap="nowrap">
            <IconSearch size={16} stroke={1.7} />
            <Text size="sm" c="dimmed">
              Search…
            </Text>
          </Group>
          <Kbd size="xs">{mac ? '⌘' : 'Ctrl'} K</Kbd>
        </Group>
      </UnstyledButton>
      <CommandPalette opened={opened} onOpen={open} onClose={close} />
    </>
  );
}
