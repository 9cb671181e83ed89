import { MultiSelect, NumberInput, Paper, Select, Stack, Switch, TagsInput, Textarea, TextInput, Title } from '@mantine/core';
import { useMembers } from '../users/use-members.ts';
import type { FormSettings } from './form-types.ts';

const stages = ['subscriber', 'lead', 'marketing_qualified', 'sales_qualified', 'opportunity', 'customer'];

/** After-submit behaviour, consent, notifications and spam defence. */
export function FormSettingsTab({ settings, onChange }: { settings: FormSettings; onChange: (s: FormSettings) => void }) {
  const members = useMembers();
  const set = (patch: Partial<FormSettings>) => onChange({ ...settings, ...patch });
  return (
    <Stack gap="lg" maw={640}>
      <Paper p="lg">
        <Title order={3} size="h4" mb="sm">
          After submitting
        </Title>
        <Stack gap="sm">
          <TextInput label="Button label" value={settings.submitLabel} onChange={(e) => set({ submitLabel: e.currentTarget.value })} />
          <Textarea
            label="Thank-you message"
            autosize
            minRows={2}
            value={settings.thankYouMessage}
            onChange={(e) => set({ thankYouMessage: e.currentTarget.value })}
          />
          <TextInput
            label="Or redirect to"
            description="A full address like https://example.com/thanks; leave empty to show the message"
            value={settings.redirectUrl ?? ''}
            onChange={(e) => set({ redirectUrl: e.currentTarget.value.trim() || null })}
          />
          <Select
            label="Lifecycle stage of new contacts"
            data={stages}
            value={settings.lifecycleStage}
            onChange={(v) => v && set({ lifecycleStage: v })}
            allowDeselect={false}
          />
          <TagsInput label="Tags added to the contact" value={settings.tags} onChange={(tags) => set({ tags })} />
          <MultiSelect
            label="Also notify"
            description="The contact's owner is always notified"
            data={(members.data ?? []).map((m) => ({ value: m.id, label: m.name || m.email }))}
            value={settings.notifyUserIds}
            onChange={(notifyUserIds) => set({ notifyUserIds })}
            searchable
          />
        </Stack>
      </Paper>
      <Paper p="lg">
        <Title order={3} size="h4" mb="sm">
          Consent
        </Title>
        <Stack gap="sm">
          <Switch
            label="Ask for email consent"
            checked={!!settings.consent}
            onChange={(e) =>
              set({ consent: e.currentTarget.checked ? { text: 'Yes, send me news and offers by email.', required: false } : null })
            }
          />
          {settings.consent && (
            <>
              <Textarea
                label="Consent text"
                description="Changing the wording saves a new version; each submission keeps the version it showed"
                autosize
                minRows={2}
                value={settings.consent.text}
                onChange={(e) => set({ consent: { ...settings.consent!, text: e.currentTarget.value } })}
              />
              <Switch
                label="Required to submit"
                checked={settings.consent.required}
                onChange={(e) => set({ consent: { ...settings.consent!, required: e.currentTarget.checked } })}
              />
            </>
          )}
        </Stack>
      </Paper>
      <Paper p="lg">
        <Title order={3} size="h4" mb="sm">
          Spam defence
        </Title>
        <Stack gap="sm">
          <NumberInput
            label="Minimum seconds to fill in"
            description="Faster submissions are treated as bots (quietly discarded and counted)"
            min={0}
            max={120}
            value={settings.minFillSeconds}
            onChange={(v) => set({ minFillSeconds: typeof v === 'number' ? v : 0 })}
          />
          <Switch
            label="Proof of work"
            description="The browser solves a small puzzle before sending; stops scripted floods, needs JavaScript"
            checked={settings.proofOfWork}
            onChange={(e) => set({ proofOfWork: e.currentTarget.checked })}
          />
        </Stack>
      </Paper>
    </Stack>
  );
}
