import { Button, Group, Modal, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTemplate } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { Empty } from '../../components/empty.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AnchorLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { ApiError } from '../../lib/api/index.ts';
import { usePermissions } from '../auth/use-me.ts';
import { EmailTabs } from './email-parts.tsx';
import type { TemplateFormat } from './email-types.ts';
import { useSaveTemplate, useTemplates } from './use-email.ts';

/** A body that renders, so the editor opens with a working preview. */
export const starterBody: Record<TemplateFormat, string> = {
  mjml: `<mjml>
  <mj-body>
    <mj-section>
      <mj-column>
        <mj-text font-size="22px" font-weight="bold">Hello {{ contact.first_name | default: "there" }}</mj-text>
        <mj-text>Write your message here.</mj-text>
        <mj-button href="https://example.com">Call to action</mj-button>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`,
  html: `<h1>Hello {{ contact.first_name | default: "there" }}</h1>
<p>Write your message here.</p>`,
};

function NewTemplateModal({ onClose }: { onClose: () => void }) {
  const save = useSaveTemplate(null);
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [format, setFormat] = useState<TemplateFormat>('mjml');
  const err = save.error instanceof ApiError ? save.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { name, format, subject: 'Hello {{ contact.first_name | default: "there" }}', preheader: '', body: starterBody[format] },
      { onSuccess: (t) => navigate({ to: '/email/templates/$templateId', params: { templateId: t.id } }) },
    );
  };
  return (
    <Modal opened onClose={onClose} title={<Text fw={650}>New template</Text>}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput
            label="Name"
            required
            data-autofocus
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={err?.fieldError('name')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Format
            </Text>
            <SegmentedControl
              aria-label="Format"
              value={format}
              onChange={(v) => setFormat(v as TemplateFormat)}
              data={[
                { value: 'mjml', label: 'MJML (responsive layout)' },
                { value: 'html', label: 'HTML' },
              ]}
            />
          </Stack>
          {save.error && !err?.fieldError('name') && <ErrorAlert error={save.error} title="Could not create the template" />}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              Create template
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Email templates: name, subject, version, last change. */
export function TemplatesScreen() {
  const can = usePermissions();
  const list = useTemplates();
  const [creating, setCreating] = useState(false);
  const newButton = can('email:write') && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      New template
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Email templates"
        description="Liquid over MJML or HTML. Each save keeps a version; broadcasts and messages remember the version they used."
        actions={newButton}
      />
      <EmailTabs current="/email/templates" />
      {list.isPending ? (
        <LoadingCard label="Loading templates" />
      ) : list.isError ? (
        <ErrorAlert error={list.error} title="Could not load templates" onRetry={() => list.refetch()} />
      ) : list.data.length === 0 ? (
        <Empty
          icon={<IconTemplate size={28} />}
          title="No templates yet"
          description="Create a template to write a newsletter or a transactional message; you get a live preview while you type."
          action={newButton || undefined}
        />
      ) : (
        <TableCard label="Templates">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Template</Table.Th>
              <Table.Th>Subject</Table.Th>
              <Table.Th ta="right">Version</Table.Th>
              <Table.Th>Changed</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>
                  <AnchorLink to="/email/templates/$templateId" params={{ templateId: t.id }} fw={600}>
                    {t.name}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" lineClamp={1}>
                    {t.subject}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">v{t.currentVersion}</Table.Td>
                <Table.Td>
                  <RelativeTime value={t.updatedAt} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableCard>
      )}
      {creating && <NewTemplateModal onClose={() => setCreating(false)} />}
    </>
  );
}
