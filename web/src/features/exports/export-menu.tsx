import { Button, Menu } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { FilterNode, RecordEntity, SortKey } from '../records/crm-types.ts';

const paths: Record<RecordEntity, string> = { contact: '/api/contacts/export.csv', company: '/api/companies/export.csv' };

/** Id columns a person reads better as the name or email they point at. */
const readable: Record<string, string> = { owner_id: 'owner_email', company_id: 'company_name', parent_company_id: 'parent_company_name' };

/** The export URL of a list as it is on screen: same filter and sort; visible columns or all of them. */
export function exportUrl(entity: RecordEntity, q: { filter?: FilterNode; sort: SortKey[]; columns?: string[] }) {
  const params = new URLSearchParams();
  if (q.filter) params.set('filter', JSON.stringify(q.filter));
  if (q.sort.length) params.set('sort', q.sort.map((s) => (s.dir === 'desc' ? `-${s.field}` : s.field)).join(','));
  if (q.columns?.length) params.set('columns', q.columns.map((c) => readable[c] ?? c).join(','));
  const qs = params.toString();
  return qs ? `${paths[entity]}?${qs}` : paths[entity];
}

interface Props {
  entity: RecordEntity;
  plural: string;
  filter?: FilterNode;
  sort: SortKey[];
  columns: string[];
}

/**
 * "Export CSV": downloads every matching record (not only the loaded page) through the streaming export, with
 * the visible columns or all of them. A plain link, so the browser's own download shows progress.
 */
export function ExportMenu({ entity, plural, filter, sort, columns }: Props) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} />} aria-label={`Export ${plural} as CSV`}>
          Export CSV
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>Every one of the {plural} matching the filter</Menu.Label>
        <Menu.Item component="a" href={exportUrl(entity, { filter, sort, columns })} download>
          Visible columns
        </Menu.Item>
        <Menu.Item component="a" href={exportUrl(entity, { filter, sort })} download>
          All columns (custom fields too)
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
