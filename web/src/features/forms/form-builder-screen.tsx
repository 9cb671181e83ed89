import { Alert, Badge, Button, Grid, Group, Paper, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCode, IconInbox, IconSettings, IconTool } from '@tabler/icons-react';
import { useNavigate } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { ConfirmButton } from '../../components/confirm-button.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { PageHeader } from '../../components/page-header.tsx';
import { LoadingCard } from '../../components/table-card.tsx';
import { ApiError } from '../../lib/api/index.ts';
import { usePermissions } from '../auth/use-me.ts';
import { EmbedTab } from './embed-tab.tsx';
import { FieldList } from './field-list.tsx';
import { FieldSettings } from './field-settings.tsx';
import { FormPreview } from './form-preview.tsx';
import { FormSettingsTab } from './form-settings-tab.tsx';
import { type Form, type FormBody, type FormSettings, slugify } from './form-types.ts';
import { SubmissionsTab } from './submissions-tab.tsx';
import { useDeleteForm, useForm, useSaveForm } from './use-forms.ts';

const defaultSettings: FormSettings = {
  submitLabel: 'Submit',
  thankYouMessage: 'Thank you! We will be in touch.',
  redirectUrl: null,
  consent: null,
  notifyUserIds: [],
  minFillSeconds: 3,
  proofOfWork: false,
  tags: [],
  lifecycleStage: 'lead',
};

const blank: FormBody & { settings: FormSettings } = {
  name: '',
  slug: '',
  status: 'draft',
  fields: [
    { key: 'email', label: 'Email', type: 'email', mapTo: 'contact.email', required: true, placeholder: 'you@company.com' },
    { key: 'first_name', label: 'First name', type: 'text', mapTo: 'contact.firstName' },
  ],
  settings: defaultSettings,
};

/** Edit an existing form, once loaded. */
export function FormBuilderScreen({ formId }: { formId: string }) {
  const form = useForm(formId);
  if (form.isPending) return <LoadingCard label="Loading form" rows={6} />;
  if (form.isError) return <ErrorAlert error={form.error} onRetry={() => form.refetch()} />;
  return <FormBuilder form={form.data} />;
}

/** The builder: fields with a settings panel and live preview, settings, embed code, submissions. */
export function FormBuilder({ form }: { form?: Form }) {
  const navigate = useNavigate();
  const can = usePermissions();
  const save = useSaveForm(form?.id ?? null);
  const remove = useDeleteForm();
  const [draft, setDraft] = useState(() =>
    form
      ? { name: form.name, slug: form.slug, status: form.status, fields: form.fields, settings: { ...defaultSettings, ...form.settings } }
      : blank,
  );
  const [selected, setSelected] = useState(0);
  const [slugTouched, setSlugTouched] = useState(!!form);
  const [tab, setTab] = useState<string | null>('build');
  useEffect(() => {
    if (form)
      setDraft({
        name: form.name,
        slug: form.slug,
        status: form.status,
        fields: form.fields,
        settings: { ...defaultSettings, ...form.settings },
      });
  }, [form]);
  const editable = can('forms:manage');
  const details =
    save.error instanceof ApiError ? (save.error.details as { path?: unknown[]; issues?: { path?: unknown[] }[] } | undefined) : undefined;
  const badPath = (details?.path ?? details?.issues?.[0]?.path)?.join('.');

  const submit = async (status = draft.status) => {
    const saved = await save.mutateAsync({ ...draft, status });
    notifications.show({
      color: 'teal',
      message: status === 'published' && draft.status !== 'published' ? 'Form published' : 'Form saved',
    });
    if (!form) navigate({ to: '/forms/$formId', params: { formId: saved.id } });
  };

  return (
    <>
      <PageHeader
        title={form ? form.name : 'New form'}
        description={
          form
            ? `/f/${form.slug} · ${form.submissionCount.toLocaleString()} submissions`
            : 'Fields map to contact properties; the email field finds or creates the contact.'
        }
        actions={
          editable && (
            <>
              {form && (
                <ConfirmButton
                  title="Delete this form?"
                  color="red"
                  variant="subtle"
                  confirmLabel="Delete form"
                  message="Its address stops working at once. Submissions and consent proof are kept."
                  onConfirm={async () => {
                    await remove.mutateAsync(form.id);
                    navigate({ to: '/forms' });
                  }}
                >
                  Delete
                </ConfirmButton>
              )}
              <Button variant="default" loading={save.isPending} onClick={() => submit()}>
                {form ? 'Save' : 'Create draft'}
              </Button>
              {draft.status !== 'published' ? (
                <Button loading={save.isPending} onClick={() => submit('published')}>
                  Publish
                </Button>
              ) : (
                <Button variant="light" color="gray" loading={save.isPending} onClick={() => submit('draft')}>
                  Unpublish
                </Button>
              )}
            </>
          )
        }
      />
      {save.isError && (
        <ErrorAlert error={save.error} title={badPath ? `Check ${badPath.replace(/^body\./, '')}` : 'Could not save the form'} />
      )}
      <Paper p="md" mb="md">
        <Group align="flex-end" gap="md">
          <TextInput
            label="Form name"
            required
            value={draft.name}
            onChange={(e) => {
              const name = e.currentTarget.value;
              setDraft((d) => ({ ...d, name, slug: slugTouched ? d.slug : slugify(name) }));
            }}
            style={{ flex: 1 }}
            disabled={!editable}
          />
          <TextInput
            label="Address"
            leftSection={<Text size="xs">/f/</Text>}
            leftSectionWidth={32}
            value={draft.slug}
            onChange={(e) => {
              setSlugTouched(true);
              setDraft({ ...draft, slug: slugify(e.currentTarget.value) });
            }}
            disabled={!editable}
            error={badPath === 'body.slug' ? true : undefined}
          />
          <Badge size="lg" color={draft.status === 'published' ? 'teal' : 'gray'} variant="light">
            {draft.status === 'published' ? 'Published' : 'Draft'}
          </Badge>
        </Group>
      </Paper>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="build" leftSection={<IconTool size={16} />}>
            Fields
          </Tabs.Tab>
          <Tabs.Tab value="settings" leftSection={<IconSettings size={16} />}>
            Settings
          </Tabs.Tab>
          <Tabs.Tab value="embed" leftSection={<IconCode size={16} />} disabled={!form}>
            Embed
          </Tabs.Tab>
          <Tabs.Tab value="submissions" leftSection={<IconInbox size={16} />} disabled={!form}>
            Submissions
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="build">
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Title order={3} size="h5" mb="xs">
                Fields
              </Title>
              <FieldList
                fields={draft.fields}
                selected={selected}
                onSelect={setSelected}
                onChange={(fields, sel) => {
                  setDraft({ ...draft, fields });
                  if (sel !== undefined) setSelected(sel);
                }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Title order={3} size="h5" mb="xs">
                Field settings
              </Title>
              <Paper p="md">
                <FieldSettings
                  field={draft.fields[selected]}
                  onChange={(f) => setDraft({ ...draft, fields: draft.fields.map((x, i) => (i === selected ? f : x)) })}
                />
              </Paper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 4 }}>
              <Title order={3} size="h5" mb="xs">
                Preview
              </Title>
              <FormPreview name={draft.name} fields={draft.fields} settings={draft.settings} />
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="settings">
          <FormSettingsTab settings={draft.settings} onChange={(settings) => setDraft({ ...draft, settings })} />
        </Tabs.Panel>
        {form && (
          <>
            <Tabs.Panel value="embed">
              <EmbedTab slug={form.slug} published={form.status === 'published'} />
            </Tabs.Panel>
            <Tabs.Panel value="submissions">
              <SubmissionsTab formId={form.id} fields={form.fields} spamCount={form.spamCount} />
            </Tabs.Panel>
          </>
        )}
      </Tabs>
      {!editable && (
        <Stack mt="md">
          <Alert color="gray">You can look at this form; changing it needs the admin or marketing role.</Alert>
        </Stack>
      )}
    </>
  );
}
