import { Divider, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { CustomValueInput } from '../custom-fields/custom-value-input.tsx';
import type { CustomField } from '../records/crm-types.ts';
import { leadStatuses, lifecycleStages } from '../records/field-catalog.ts';
import { useMemberOptions } from '../records/record-names.ts';
import { RecordPicker } from '../records/record-picker.tsx';
import { EmailsInput, PhonesInput } from './contact-channels-input.tsx';
import type { ContactDraft } from './contact-draft.ts';

interface Props {
  draft: ContactDraft;
  set: (patch: Partial<ContactDraft>) => void;
  errors: Record<string, string>;
  defs: CustomField[];
  mode: 'create' | 'edit';
}

/** The form fields every contact form shares; keys of `errors` are the API's body paths (emails.0.email, custom.tier…). */
export function ContactFormFields({ draft, set, errors, defs, mode }: Props) {
  const members = useMemberOptions();
  const setCustom = (key: string, v: unknown) => set({ custom: { ...draft.custom, [key]: v } });
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
        <TextInput
          label="First name"
          value={draft.firstName}
          onChange={(e) => set({ firstName: e.currentTarget.value })}
          error={errors.firstName}
          data-autofocus
          maxLength={100}
        />
        <TextInput
          label="Last name"
          value={draft.lastName}
          onChange={(e) => set({ lastName: e.currentTarget.value })}
          error={errors.lastName}
          maxLength={100}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
        <EmailsInput draft={draft} set={set} errors={errors} />
        <PhonesInput draft={draft} set={set} errors={errors} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
        <TextInput
          label="Job title"
          value={draft.title}
          onChange={(e) => set({ title: e.currentTarget.value })}
          error={errors.title}
          maxLength={200}
        />
        <RecordPicker
          entity="company"
          label="Company"
          placeholder={mode === 'create' ? 'Found from a work email if empty' : 'None'}
          value={draft.companyId}
          onChange={(companyId) => set({ companyId })}
          error={errors.companyId}
        />
        <Select
          label="Owner"
          data={members}
          value={draft.ownerId}
          onChange={(ownerId) => set({ ownerId })}
          clearable
          allowDeselect
          searchable
          placeholder="No owner"
          error={errors.ownerId}
        />
        <Select
          label="Lifecycle stage"
          data={lifecycleStages}
          value={draft.lifecycleStage}
          onChange={(lifecycleStage) => set({ lifecycleStage })}
          placeholder="Not set"
          error={errors.lifecycleStage}
        />
        <Select
          label="Lead status"
          data={leadStatuses}
          value={draft.leadStatus}
          onChange={(leadStatus) => set({ leadStatus })}
          clearable
          allowDeselect
          placeholder="None"
          error={errors.leadStatus}
        />
        {draft.leadStatus === 'unqualified' ? (
          <TextInput
            label="Why unqualified?"
            placeholder="e.g. no budget"
            value={draft.leadStatusReason}
            onChange={(e) => set({ leadStatusReason: e.currentTarget.value })}
            error={errors.leadStatusReason}
            required
          />
        ) : (
          <TextInput
            label="Source"
            placeholder="e.g. webinar, referral"
            value={draft.source}
            onChange={(e) => set({ source: e.currentTarget.value })}
            error={errors.source}
          />
        )}
      </SimpleGrid>
      <TagsInput
        label="Tags"
        placeholder="Type a tag, then Enter"
        value={draft.tags}
        onChange={(tags) => set({ tags })}
        error={errors.tags}
        clearable
      />
      {defs.length > 0 && (
        <>
          <Divider
            label={
              <Text size="xs" fw={600} tt="uppercase" c="dimmed">
                Custom fields
              </Text>
            }
            labelPosition="left"
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
            {defs.map((def) => (
              <CustomValueInput
                key={def.id}
                def={def}
                value={draft.custom[def.key]}
                onChange={(v) => setCustom(def.key, v)}
                error={errors[`custom.${def.key}`]}
              />
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}

/** Every form key a server error can point at, for a draft and its custom fields. */
export function contactFormKeys(d: ContactDraft, defs: CustomField[]): string[] {
  return [
    'firstName',
    'lastName',
    'title',
    'companyId',
    'ownerId',
    'lifecycleStage',
    'leadStatus',
    'leadStatusReason',
    'source',
    'tags',
    ...d.emails.map((_, i) => `emails.${i}.email`),
    ...d.phones.map((_, i) => `phones.${i}.phone`),
    ...defs.map((f) => `custom.${f.key}`),
  ];
}
