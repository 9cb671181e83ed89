import { Button, Group, Modal, NumberInput, Select, Stack, TagsInput, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { fieldErrors } from '../records/field-errors.ts';
import { consentLabels, type Site } from './tracking-types.ts';
import { useSaveSite } from './use-tracking.ts';

const keys = ['name', 'allowedOrigins', 'consentMode', 'sessionRetentionDays'];
const empty = { name: '', allowedOrigins: [] as string[], consentMode: 'always' as Site['consentMode'], sessionRetentionDays: 760 };

/** Add a site, or change one: name, allowed domains, consent mode and session retention. */
export function SiteFormModal({
  site,
  opened,
  onClose,
  onSaved,
}: {
  site?: Site;
  opened: boolean;
  onClose: () => void;
  onSaved?: (s: Site) => void;
}) {
  const save = useSaveSite();
  const [form, setForm] = useState(empty);
  const { reset } = save;
  useEffect(() => {
    if (opened) {
      reset();
      setForm(
        site
          ? {
              name: site.name,
              allowedOrigins: site.allowedOrigins,
              consentMode: site.consentMode,
              sessionRetentionDays: site.sessionRetentionDays,
            }
          : empty,
      );
    }
  }, [opened, site, reset]);
  const { byField, unplaced } = fieldErrors(
    save.error,
    keys,
    Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`allowedOrigins.${i}`, 'allowedOrigins'])),
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(
      { id: site?.id, body: form },
      {
        onSuccess: (s) => {
          onSaved?.(s);
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title={site ? `Edit ${site.name}` : 'Add a website'} size="lg">
      <form onSubmit={submit} aria-label="Tracked website">
        <Stack gap="md">
          {save.error != null && unplaced && <ErrorAlert error={save.error} title="Could not save the site" />}
          <TextInput
            label="Name"
            placeholder="Marketing site"
            required
            data-autofocus
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            error={byField.name}
          />
          <TagsInput
            label="Domains allowed to send page views"
            description="Press Enter after each. www.example.com, *.example.com for every subdomain, localhost:3000 for development."
            placeholder="www.example.com"
            value={form.allowedOrigins}
            onChange={(v) => setForm({ ...form, allowedOrigins: v })}
            error={byField.allowedOrigins}
            splitChars={[',', ' ']}
          />
          <Select
            label="Consent"
            description="With a cookie banner, choose “Only after consent”: nothing is stored on the visitor's device or here before your banner calls tandem('consent', true)."
            data={Object.entries(consentLabels).map(([value, label]) => ({ value, label }))}
            value={form.consentMode}
            onChange={(v) => v && setForm({ ...form, consentMode: v as Site['consentMode'] })}
            allowDeselect={false}
            error={byField.consentMode}
          />
          <NumberInput
            label="Keep web sessions for (days)"
            description="Older sessions are deleted every night. Page views follow the workspace's event retention (25 months)."
            min={1}
            max={3650}
            value={form.sessionRetentionDays}
            onChange={(v) => setForm({ ...form, sessionRetentionDays: Number(v) || 1 })}
            error={byField.sessionRetentionDays}
            maw={240}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={save.isPending}>
              {site ? 'Save' : 'Add website'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
