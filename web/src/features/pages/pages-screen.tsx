import { Badge, Table, Text } from '@mantine/core';
import { IconLayout, IconPlus } from '@tabler/icons-react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink, ButtonLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { usePermissions } from '../auth/use-me.ts';
import { usePages } from './use-pages.ts';

/** The workspace's landing pages with status and human views. */
export function PagesScreen() {
  const pages = usePages();
  const can = usePermissions();
  const create = can('pages:manage') && (
    <ButtonLink to="/pages/new" leftSection={<IconPlus size={16} />}>
      New landing page
    </ButtonLink>
  );
  return (
    <>
      <PageHeader
        title="Landing pages"
        description="Fast, static pages for campaigns and events, with your forms on them. Views are tracked per page (bots left out)."
        actions={create}
      />
      {pages.isPending ? (
        <LoadingCard label="Loading landing pages" />
      ) : pages.isError ? (
        <ErrorAlert error={pages.error} onRetry={() => pages.refetch()} />
      ) : pages.data.length === 0 ? (
        <Empty
          icon={<IconLayout size={22} />}
          title="No landing pages yet"
          description="Build a page from blocks (headline, text, image, form, button, columns), set its title and sharing image, and publish it at its own address."
          action={create}
        />
      ) : (
        <TableCard label="Landing pages">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Title</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th ta="right">Views</Table.Th>
              <Table.Th>Published</Table.Th>
              <Table.Th>Changed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {pages.data.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <AnchorLink to="/pages/$pageId" params={{ pageId: p.id }} fw={600}>
                    {p.title}
                  </AnchorLink>
                  <Text size="xs" c="dimmed">
                    /p/{p.slug}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge color={p.status === 'published' ? 'teal' : 'gray'} variant="light">
                    {p.status === 'published' ? 'Published' : 'Draft'}
                  </Badge>
                </Table.Td>
                <Table.Td ta="right">{p.viewCount.toLocaleString()}</Table.Td>
                <Table.Td>
                  <RelativeTime value={p.publishedAt} fallback="Never" />
                </Table.Td>
                <Table.Td>
                  <RelativeTime value={p.updatedAt} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableCard>
      )}
    </>
  );
}
