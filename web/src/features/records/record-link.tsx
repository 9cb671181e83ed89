import { Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { AnchorLink } from '../../components/links.tsx';
import type { RecordEntity } from './crm-types.ts';
import { useRecordName } from './record-names.ts';

/** A link to a contact's or company's page. */
export function RecordLink({
  entity,
  id,
  children,
  tabIndex,
  fw = 600,
}: {
  entity: RecordEntity | string;
  id: string;
  children: ReactNode;
  tabIndex?: number;
  fw?: number;
}) {
  const common = { size: 'sm', fw, tabIndex, truncate: 'end' as const, onClick: (e: React.MouseEvent) => e.stopPropagation() };
  if (entity === 'company')
    return (
      <AnchorLink to="/companies/$companyId" params={{ companyId: id }} {...common}>
        {children}
      </AnchorLink>
    );
  if (entity === 'contact')
    return (
      <AnchorLink to="/contacts/$contactId" params={{ contactId: id }} {...common}>
        {children}
      </AnchorLink>
    );
  return (
    <Text span size="sm">
      {children}
    </Text>
  );
}

/** A linked record shown by name (loaded in batches); "Deleted record" when it is gone. */
export function RecordName({ entity, id, tabIndex, fw = 500 }: { entity: RecordEntity; id: string; tabIndex?: number; fw?: number }) {
  const name = useRecordName(entity, id);
  if (name.isPending)
    return (
      <Text span size="sm" c="dimmed">
        …
      </Text>
    );
  if (!name.data)
    return (
      <Text span size="sm" c="dimmed" fs="italic">
        {name.isError ? 'Could not load' : 'Deleted or hidden'}
      </Text>
    );
  return (
    <RecordLink entity={entity} id={id} tabIndex={tabIndex} fw={fw}>
      {name.data}
    </RecordLink>
  );
}

/** Navigates to a record's page. */
export function useOpenRecord() {
  const navigate = useNavigate();
  return (entity: RecordEntity, id: string) =>
    entity === 'contact'
      ? navigate({ to: '/contacts/$contactId', params: { contactId: id } })
      : navigate({ to: '/companies/$companyId', params: { companyId: id } });
}
