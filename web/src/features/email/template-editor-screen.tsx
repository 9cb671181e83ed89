import { Alert, Badge, Button, Grid, Group, Loader, Paper, SegmentedControl, Stack, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconDeviceFloppy, IconSend } from '@tabler/icons-react';
import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ButtonLink } from '../../components/links.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { RelativeTime } from '../../components/relative-time.tsx';
import { LoadingCard, TableCard } from '../../components/table-card.tsx';
import { ApiError, errorMessage } from '../../lib/api/index.ts';
import { usePermissions } from '../auth/use-me.ts';
import { RecordPicker } from '../records/record-picker.tsx';
import { DevicePreview } from './email-parts.tsx';
import type { Template, TemplateDraft, TemplateFormat, TemplateVersion } from './email-types.ts';
import { usePreview, useSaveTemplate, useTemplate, useTemplateVersions, useTestSend } from './use-email.ts';

const fromVersion = (name: string, v: TemplateVersion): TemplateDraft => ({
  name,
  format: v.format,
  subject: v.subject,
  preheader: v.preheader,
  body: v.body,
});

/** A template error with where it is: "Line 3, column 12" and the server's message. */
export function TemplateError({ error }: { error: unknown }) {
  const d =
    error instanceof ApiError && error.code === 'template_invalid'
      ? (error.details as { line?: number; column?: number; path?: string[] })
      : null;
  if (!d) return <ErrorAlert error={error} title="Could not render the preview" />;
  const field = d.path?.[1] === 'subject' ? 'Subject' : d.path?.[1] === 'preheader' ? 'Preheader' : 'Body';
  const where = d.line ? `line ${d.line}${d.column ? `, column ${d.column}` : ''}` : undefined;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={`${field} error${where ? ` at ${where}` : ''}`}
      role="alert"
      data-testid="template-error"
    >
      <Text size="sm">{errorMessage(error)}</Text>
    </Alert>
  );
}

function Versions({ template, onLoad }: { template: Template; onLoad: (v: TemplateVersion) => void }) {
  const versions = useTemplateVersions(template.id);
  if (versions.isPending) return <LoadingCard rows={2} label="Loading versions" />;
  if (versions.isError) return <ErrorAlert error={versions.error} title="Could not load versions" onRetry={() => versions.refetch()} />;
  return (
    <TableCard label="Version history" minWidth={420}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Version</Table.Th>
          <Table.Th>Subject</Table.Th>
          <Table.Th>Saved</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {versions.data.map((v) => (
          <Table.Tr key={v.id}>
            <Table.Td>
              <Group gap={6}>
                v{v.version}
                {v.version === template.currentVersion && (
                  <Badge size="xs" variant="light">
                    current
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td>
              <Text size="sm" lineClamp={1}>
                {v.subject}
              </Text>
            </Table.Td>
            <Table.Td>
              <RelativeTime value={v.createdAt} />
            </Table.Td>
            <Table.Td ta="right">
              <Button size="compact-xs" variant="subtle" onClick={() => onLoad(v)} aria-label={`Load version ${v.version} into the editor`}>
                Load
              </Button>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableCard>
  );
}

function TestSend({ templateId, dirty }: { templateId: string; dirty: boolean }) {
  const send = useTestSend();
  const [to, setTo] = useState('');
  const err = send.error instanceof ApiError ? send.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate(
      { templateId, to },
      { onSuccess: (r) => notifications.show({ color: 'teal', message: `Test message queued for ${r.to}.` }) },
    );
  };
  return (
    <Paper p="md" component="form" onSubmit={submit} aria-label="Test send">
      <Text fw={600} size="sm" mb={4}>
        Send a test
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        Sends the saved version to this address (contact fields empty), without footer or tracking.
        {dirty ? ' Save first to test your changes.' : ''}
      </Text>
      <Group align="flex-start" gap="xs">
        <TextInput
          flex={1}
          aria-label="Test address"
          placeholder="you@example.com"
          type="email"
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          error={err?.fieldError('to') ?? (err && !err.fieldError('to') ? errorMessage(err) : undefined)}
        />
        <Button
          type="submit"
          variant="default"
          leftSection={<IconSend size={16} />}
          loading={send.isPending}
          disabled={!to.trim() || dirty}
        >
          Send test
        </Button>
      </Group>
    </Paper>
  );
}

function Editor({
  template,
  contactId,
  setContactId,
}: {
  template: Template;
  contactId: string | null;
  setContactId: (id: string | null) => void;
}) {
  const can = usePermissions();
  const editable = can('email:write');
  const [draft, setDraft] = useState<TemplateDraft>(() => fromVersion(template.name, template.current));
  const saved = useMemo(() => fromVersion(template.name, template.current), [template]);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const [debounced] = useDebouncedValue(draft, 400);
  const { name: _name, ...content } = debounced;
  const preview = usePreview(template.id, content, contactId);
  // While the draft has an error, keep showing the last good render (dimmed) under the error.
  const lastGood = useRef(preview.data);
  if (preview.data && !preview.isError) lastGood.current = preview.data;
  const shown = preview.isError ? lastGood.current : preview.data;
  const save = useSaveTemplate(template.id);
  const set = <K extends keyof TemplateDraft>(k: K, v: TemplateDraft[K]) => setDraft((d) => ({ ...d, [k]: v }));
  const saveErr = save.error instanceof ApiError ? save.error : null;
  useEffect(() => {
    if (!dirty) save.reset();
  }, [dirty, save.reset]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(draft, {
      onSuccess: (t) => notifications.show({ color: 'teal', message: `Saved as version ${t.currentVersion}.` }),
    });
  };
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <Stack>
          <Paper p="md" component="form" onSubmit={submit} aria-label="Template">
            <Stack gap="sm">
              <Group grow align="flex-start">
                <TextInput
                  label="Name"
                  value={draft.name}
                  onChange={(e) => set('name', e.currentTarget.value)}
                  readOnly={!editable}
                  error={saveErr?.fieldError('name')}
                />
                <Stack gap={4}>
                  <Text size="sm" fw={500}>
                    Format
                  </Text>
                  <SegmentedControl
                    aria-label="Format"
                    value={draft.format}
                    onChange={(v) => set('format', v as TemplateFormat)}
                    readOnly={!editable}
                    data={[
                      { value: 'mjml', label: 'MJML' },
                      { value: 'html', label: 'HTML' },
                    ]}
                  />
                </Stack>
              </Group>
              <TextInput
                label="Subject"
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
                value={draft.subject}
                onChange={(e) => set('subject', e.currentTarget.value)}
                readOnly={!editable}
              />
              <TextInput
                label="Preheader"
                description="The grey line inboxes show after the subject"
                value={draft.preheader}
                onChange={(e) => set('preheader', e.currentTarget.value)}
                readOnly={!editable}
              />
              <Textarea
                label="Body"
                description="Liquid: {{ contact.first_name }}, {{ company.name }}, {{ unsubscribe_url }}…"
                value={draft.body}
                onChange={(e) => set('body', e.currentTarget.value)}
                readOnly={!editable}
                autosize
                minRows={14}
                maxRows={30}
                spellCheck={false}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
              />
              {save.error && <TemplateError error={save.error} />}
              {editable && (
                <Group justify="space-between">
                  <Text size="xs" c="dimmed">
                    {dirty ? 'Unsaved changes' : `Version ${template.currentVersion} saved`}
                  </Text>
                  <Group gap="xs">
                    <Button variant="default" disabled={!dirty} onClick={() => setDraft(saved)}>
                      Discard
                    </Button>
                    <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending} disabled={!dirty}>
                      Save version
                    </Button>
                  </Group>
                </Group>
              )}
            </Stack>
          </Paper>
          {can('email:send') && <TestSend templateId={template.id} dirty={dirty} />}
          <Versions template={template} onLoad={(v) => setDraft(fromVersion(draft.name, v))} />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 6 }}>
        <Stack gap="sm">
          <Group align="flex-end" gap="sm">
            <RecordPicker
              entity="contact"
              label="Preview as"
              placeholder="Sample data (pick a contact)"
              value={contactId}
              onChange={setContactId}
              flex={1}
            />
            {preview.isFetching && <Loader size="sm" aria-label="Rendering preview" />}
          </Group>
          {preview.isError && <TemplateError error={preview.error} />}
          {shown ? (
            <Stack gap="xs" style={{ opacity: preview.isError ? 0.5 : 1 }}>
              <Paper p="sm">
                <Text size="xs" c="dimmed">
                  Subject
                </Text>
                <Text fw={600} data-testid="preview-subject">
                  {shown.subject}
                </Text>
              </Paper>
              <DevicePreview html={shown.html} title="Email preview" />
            </Stack>
          ) : (
            !preview.isError && <LoadingCard rows={6} label="Rendering preview" />
          )}
        </Stack>
      </Grid.Col>
    </Grid>
  );
}

/** A template: edit with a live preview (desktop/mobile, any contact), errors with their line, versions, test send. */
export function TemplateEditorScreen({ id }: { id: string }) {
  const template = useTemplate(id);
  // Kept across saves (the editor starts afresh from each saved version).
  const [contactId, setContactId] = useState<string | null>(null);
  return (
    <>
      <PageHeader
        title={template.data?.name ?? 'Template'}
        description="Changes preview as you type; saving adds a version."
        actions={
          <ButtonLink to="/email/templates" variant="default">
            All templates
          </ButtonLink>
        }
      />
      {template.isPending ? (
        <LoadingCard label="Loading template" />
      ) : template.isError ? (
        <ErrorAlert error={template.error} title="Could not load the template" onRetry={() => template.refetch()} />
      ) : (
        <Editor key={template.data.currentVersion} template={template.data} contactId={contactId} setContactId={setContactId} />
      )}
    </>
  );
}
