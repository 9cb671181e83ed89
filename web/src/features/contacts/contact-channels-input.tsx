import { ActionIcon, Button, Group, Radio, Select, Stack, TextInput, Tooltip } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { type ContactDraft, type PhoneKind, phoneKinds } from './contact-draft.ts';

type Errors = Record<string, string>;

/** Email rows: address, which one is primary, add and remove. */
export function EmailsInput({
  draft,
  set,
  errors,
  autoFocus,
}: {
  draft: ContactDraft;
  set: (p: Partial<ContactDraft>) => void;
  errors: Errors;
  autoFocus?: boolean;
}) {
  const rows = draft.emails;
  const update = (i: number, patch: Partial<ContactDraft['emails'][number]>) =>
    set({ emails: rows.map((r, j) => (j === i ? { ...r, ...patch } : patch.primary ? { ...r, primary: false } : r)) });
  return (
    <Stack gap={6}>
      {rows.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id
        <Group key={i} gap={6} wrap="nowrap" align="flex-start">
          <TextInput
            flex={1}
            label={i === 0 ? 'Email' : undefined}
            aria-label={i === 0 ? undefined : `Email ${i + 1}`}
            placeholder="name@company.com"
            inputMode="email"
            autoComplete="off"
            value={r.email}
            onChange={(e) => update(i, { email: e.currentTarget.value })}
            error={errors[`emails.${i}.email`]}
            autoFocus={autoFocus && i === 0}
          />
          {rows.length > 1 && (
            <Group gap={2} mt={i === 0 ? 28 : 6} wrap="nowrap">
              <Tooltip label="Primary email">
                <Radio
                  size="xs"
                  aria-label={`Make email ${i + 1} primary`}
                  checked={r.primary}
                  onChange={() => update(i, { primary: true })}
                />
              </Tooltip>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Remove email ${i + 1}`}
                onClick={() => set({ emails: rows.filter((_, j) => j !== i) })}
              >
                <IconTrash size={15} />
              </ActionIcon>
            </Group>
          )}
        </Group>
      ))}
      <div>
        <Button
          variant="subtle"
          size="compact-xs"
          leftSection={<IconPlus size={13} />}
          onClick={() => set({ emails: [...rows, { email: '', primary: false }] })}
        >
          Add email
        </Button>
      </div>
    </Stack>
  );
}

/** Phone rows: number, kind, primary, add and remove. */
export function PhonesInput({ draft, set, errors }: { draft: ContactDraft; set: (p: Partial<ContactDraft>) => void; errors: Errors }) {
  const rows = draft.phones;
  const update = (i: number, patch: Partial<ContactDraft['phones'][number]>) =>
    set({ phones: rows.map((r, j) => (j === i ? { ...r, ...patch } : patch.primary ? { ...r, primary: false } : r)) });
  return (
    <Stack gap={6}>
      {rows.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place and have no id
        <Group key={i} gap={6} wrap="nowrap" align="flex-start">
          <TextInput
            flex={1}
            label={i === 0 ? 'Phone' : undefined}
            aria-label={i === 0 ? undefined : `Phone ${i + 1}`}
            placeholder="+49 30 1234567"
            inputMode="tel"
            value={r.phone}
            onChange={(e) => update(i, { phone: e.currentTarget.value })}
            error={errors[`phones.${i}.phone`]}
          />
          <Select
            w={100}
            mt={i === 0 ? 25 : 0}
            aria-label={`Kind of phone ${i + 1}`}
            data={phoneKinds.map((k) => ({ value: k, label: k[0]!.toUpperCase() + k.slice(1) }))}
            value={r.kind}
            onChange={(k) => update(i, { kind: (k as PhoneKind) ?? 'work' })}
          />
          {rows.length > 1 && (
            <Group gap={2} mt={i === 0 ? 31 : 6} wrap="nowrap">
              <Tooltip label="Primary phone">
                <Radio
                  size="xs"
                  aria-label={`Make phone ${i + 1} primary`}
                  checked={r.primary}
                  onChange={() => update(i, { primary: true })}
                />
              </Tooltip>
              <ActionIcon
                variant="subtle"
                color="gray"
                aria-label={`Remove phone ${i + 1}`}
                onClick={() => set({ phones: rows.filter((_, j) => j !== i) })}
              >
                <IconTrash size={15} />
              </ActionIcon>
            </Group>
          )}
        </Group>
      ))}
      <div>
        <Button
          variant="subtle"
          size="compact-xs"
          leftSection={<IconPlus size={13} />}
          onClick={() => set({ phones: [...rows, { phone: '', kind: 'mobile', primary: false }] })}
        >
          Add phone
        </Button>
      </div>
    </Stack>
  );
}
