import { Button } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconAddressBook, IconPlus } from '@tabler/icons-react';
import { usePermissions } from '../auth/use-me.ts';
import { RecordListScreen } from '../records/record-list-screen.tsx';
import type { ListSearch } from '../records/use-list-state.ts';
import { ContactFormModal } from './contact-form-modal.tsx';

/** CRM → Contacts: every person in the workspace, filterable by any field. */
export function ContactsScreen({ search, onSearchChange }: { search: ListSearch; onSearchChange: (s: ListSearch) => void }) {
  const can = usePermissions();
  const [opened, { open, close }] = useDisclosure(false);
  const canWrite = can('contacts:write');
  useHotkeys([['c', () => canWrite && open()]]);
  return (
    <>
      <RecordListScreen
        entity="contact"
        title="Contacts"
        singular="contact"
        plural="contacts"
        description="People you sell and market to. Filter by any field, sort by several columns, and open one to see its history."
        icon={<IconAddressBook size={26} />}
        searchPlaceholder="Search name, email or phone"
        search={search}
        onSearchChange={onSearchChange}
        createAction={
          canWrite ? (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              New contact
            </Button>
          ) : undefined
        }
      />
      {canWrite && <ContactFormModal opened={opened} onClose={close} />}
    </>
  );
}
