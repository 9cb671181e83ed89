import { Divider, NumberInput, Select, SimpleGrid, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { CustomValueInput } from '../custom-fields/custom-value-input.tsx';
import type { CustomField } from '../records/crm-types.ts';
import { useMemberOptions } from '../records/record-names.ts';
import { RecordPicker } from '../records/record-picker.tsx';
import type { CompanyDraft } from './company-draft.ts';

interface Props {
  draft: CompanyDraft;
  set: (patch: Partial<CompanyDraft>) => void;
  errors: Record<string, string>;
  defs: CustomField[];
  /** The company being edited, so it cannot be its own parent. */
  selfId?: string;
}

/** The fields of the company form (create and edit). */
export function CompanyFormFields({ draft, set, errors, defs, selfId }: Props) {
  const members = useMemberOptions();
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="md">
        <TextInput
          label="Name"
          required
          value={draft.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          error={errors.name}
          data-autofocus
          maxLength={200}
        />
        <TextInput
          label="Domain"
          placeholder="acme.com"
          description="A URL works too; contacts with this email domain join the company"
          value={draft.domain}
          onChange={(e) => set({ domain: e.currentTarget.value })}
          error={errors.domain}
        />
        <TextInput
          label="Industry"
          placeholder="e.g. Software"
          value={draft.industry}
          onChange={(e) => set({ industry: e.currentTarget.value })}
          error={errors.industry}
        />
        <NumberInput
          label="Employees"
          min={0}
          thousandSeparator=","
          value={draft.employeeCount}
          onChange={(n) => set({ employeeCount: typeof n === 'number' ? n : '' })}
          error={errors.employeeCount}
        />
        <NumberInput
          label="Annual revenue"
          min={0}
          thousandSeparator=","
          decimalScale={2}
          value={draft.annualRevenue}
          onChange={(n) => set({ annualRevenue: typeof n === 'number' ? n : '' })}
          error={errors.annualRevenue}
        />
        <TextInput
          label="Revenue currency"
          placeholder="Workspace currency"
          maxLength={3}
          value={draft.annualRevenueCurrency}
          onChange={(e) => set({ annualRevenueCurrency: e.currentTarget.value.toUpperCase() })}
          error={errors.annualRevenueCurrency}
        />
        <TextInput
          label="Country"
          placeholder="2-letter code, e.g. DE"
          maxLength={2}
          value={draft.country}
          onChange={(e) => set({ country: e.currentTarget.value.toUpperCase() })}
          error={errors.country}
        />
        <TextInput label="Region" value={draft.region} onChange={(e) => set({ region: e.currentTarget.value })} error={errors.region} />
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
        <RecordPicker
          entity="company"
          label="Parent company"
          placeholder="None"
          value={draft.parentCompanyId}
          onChange={(parentCompanyId) => set({ parentCompanyId })}
          exclude={selfId ? [selfId] : []}
          error={errors.parentCompanyId}
        />
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
                onChange={(v) => set({ custom: { ...draft.custom, [def.key]: v } })}
                error={errors[`custom.${def.key}`]}
              />
            ))}
          </SimpleGrid>
        </>
      )}
    </Stack>
  );
}
