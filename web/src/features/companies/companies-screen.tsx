import { Button } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconBuildingSkyscraper, IconPlus } from '@tabler/icons-react';
import { usePermissions } from '../auth/use-me.ts';
import { RecordListScreen } from '../records/record-list-screen.tsx';
import type { ListSearch } from '../records/use-list-state.ts';
import { CompanyFormModal } from './company-form-modal.tsx';

/** CRM → Companies: the accounts contacts work for. */
export function CompaniesScreen({ search, onSearchChange }: { search: ListSearch; onSearchChange: (s: ListSearch) => void }) {
  const can = usePermissions();
  const [opened, { open, close }] = useDisclosure(false);
  const canWrite = can('companies:write');
  useHotkeys([['c', () => canWrite && open()]]);
  return (
    <>
      <RecordListScreen
        entity="company"
        title="Companies"
        singular="company"
        plural="companies"
        description="The organizations your contacts work for. Contacts with a work email join their company automatically."
        icon={<IconBuildingSkyscraper size={26} />}
        searchPlaceholder="Search name or domain"
        search={search}
        onSearchChange={onSearchChange}
        createAction={
          canWrite ? (
            <Button leftSection={<IconPlus size={16} />} onClick={open}>
              New company
            </Button>
          ) : undefined
        }
      />
      {canWrite && <CompanyFormModal opened={opened} onClose={close} />}
    </>
  );
}
