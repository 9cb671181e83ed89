import { Avatar, Group, Kbd, Loader, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconAddressBook, IconBuildingSkyscraper, IconChecklist, IconSearch } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { type KeyboardEvent, type ReactNode, useEffect, useMemo, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { initialsOf } from '../records/format.ts';
import classes from './command-palette.module.css';
import { recentRecords, type SearchHit, useSearch } from './use-search.ts';

interface Item {
  key: string;
  label: string;
  hint?: string | null;
  icon: ReactNode;
  group: string;
  run: () => void;
}

/** ⌘K / Ctrl+K: search contacts, companies and deals from anywhere and jump to one; arrows move, Enter opens. */
export function CommandPalette({ opened, onOpen, onClose }: { opened: boolean; onOpen: () => void; onClose: () => void }) {
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q, 150);
  const search = useSearch(debounced);
  const [active, setActive] = useState(0);
  useHotkeys([['mod+K', () => (opened ? onClose() : onOpen())]], []);
  useEffect(() => {
    if (!opened) setQ('');
  }, [opened]);

  const go = (fn: () => void) => () => {
    onClose();
    fn();
  };
  const recordItem = (h: SearchHit, group: string): Item => ({
    key: `${h.type}:${h.id}`,
    label: h.title,
    hint: h.subtitle,
    group,
    icon: (
      <Avatar size={28} radius={h.type === 'company' ? 'sm' : 'xl'} color="initials" name={h.title}>
        {initialsOf(h.title)}
      </Avatar>
    ),
    run: go(() =>
      h.type === 'contact'
        ? navigate({ to: '/contacts/$contactId', params: { contactId: h.id } })
        : h.type === 'deal'
          ? navigate({ to: '/deals/$dealId', params: { dealId: h.id } })
          : navigate({ to: '/companies/$companyId', params: { companyId: h.id } }),
    ),
  });
  const items = useMemo<Item[]>(() => {
    if (q.trim())
      return (search.data ?? []).map((h) => recordItem(h, h.type === 'contact' ? 'Contacts' : h.type === 'deal' ? 'Deals' : 'Companies'));
    const pages: Item[] = [
      {
        key: 'p:contacts',
        label: 'Contacts',
        group: 'Go to',
        icon: <IconAddressBook size={18} />,
        run: go(() => navigate({ to: '/contacts' })),
      },
      {
        key: 'p:companies',
        label: 'Companies',
        group: 'Go to',
        icon: <IconBuildingSkyscraper size={18} />,
        run: go(() => navigate({ to: '/companies' })),
      },
      { key: 'p:tasks', label: 'My tasks', group: 'Go to', icon: <IconChecklist size={18} />, run: go(() => navigate({ to: '/tasks' })) },
    ];
    return [...(opened ? recentRecords() : []).map((h) => recordItem(h, 'Recent')), ...pages];
    // biome-ignore lint/correctness/useExhaustiveDependencies: rebuilt when the results or the query change
  }, [q, search.data, opened, navigate, recordItem, go]);
  useEffect(() => setActive(0), []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const n = items.length;
      if (n) setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      items[active]?.run();
    }
  };
  const groups = [...new Set(items.map((i) => i.group))];
  const waiting = q.trim() !== '' && (search.isPending || debounced !== q);
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      withCloseButton={false}
      size="lg"
      padding={0}
      yOffset="12vh"
      centered={false}
      aria-label="Search"
      transitionProps={{ duration: 120 }}
    >
      <TextInput
        size="lg"
        variant="unstyled"
        className={classes.input}
        placeholder="Search contacts, companies and deals…"
        leftSection={waiting ? <Loader size={18} /> : <IconSearch size={20} />}
        rightSection={<Kbd size="xs">Esc</Kbd>}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        data-autofocus
        role="combobox"
        aria-expanded
        aria-controls="palette-results"
        aria-activedescendant={items[active] ? `palette-${items[active].key}` : undefined}
        aria-label="Search contacts, companies and deals"
      />
      <Stack gap={0} className={classes.results} id="palette-results" role="listbox" aria-label="Results">
        {search.isError && q.trim() ? (
          <div style={{ padding: 12 }}>
            <ErrorAlert error={search.error} title="Search did not work" />
          </div>
        ) : q.trim() && !waiting && items.length === 0 ? (
          <Text c="dimmed" size="sm" ta="center" py="xl">
            Nothing matches “{q.trim()}”. Try part of a name, an email or a domain.
          </Text>
        ) : (
          groups.map((g) => (
            <div key={g}>
              <Text className={classes.group}>{g}</Text>
              {items
                .filter((i) => i.group === g)
                .map((i) => {
                  const index = items.indexOf(i);
                  return (
                    <UnstyledButton
                      key={i.key}
                      id={`palette-${i.key}`}
                      role="option"
                      aria-selected={index === active}
                      className={classes.item}
                      data-active={index === active || undefined}
                      onMouseMove={() => setActive(index)}
                      onClick={i.run}
                      tabIndex={-1}
                    >
                      <Group gap="sm" wrap="nowrap">
                        <span aria-hidden style={{ display: 'flex' }}>
                          {i.icon}
                        </span>
                        <div style={{ minWidth: 0 }}>
                          <Text size="sm" fw={600} truncate="end">
                            {i.label}
                          </Text>
                          {i.hint && (
                            <Text size="xs" c="dimmed" truncate="end">
                              {i.hint}
                            </Text>
                          )}
                        </div>
                      </Group>
                    </UnstyledButton>
                  );
                })}
            </div>
          ))
        )}
      </Stack>
      <Group className={classes.footer} gap="lg">
        <Text size="xs" c="dimmed">
          <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> to move
        </Text>
        <Text size="xs" c="dimmed">
          <Kbd size="xs">Enter</Kbd> to open
        </Text>
      </Group>
    </Modal>
  );
}
