import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useMe } from '../auth/use-me.ts';
import { useCustomFields } from '../custom-fields/use-custom-fields.ts';
import type { ContactDetail } from '../records/crm-types.ts';
import { fieldErrors } from '../records/field-errors.ts';
import { useOpenRecord } from '../records/record-link.tsx';
import { type ContactDraft, draftOf, emptyDraft, toBody } from './contact-draft.ts';
import { ContactFormFields, contactFormKeys } from './contact-form-fields.tsx';
import { useCreateContact, useUpdateContact } from './use-contacts.ts';

/**
 * "New contact" (then the new contact's page) or "Edit contact": the form, with the server's
 * validation shown on the field it names.
 */
export function ContactFormModal({ opened, onClose, contact }: { opened: boolean; onClose: () => void; contact?: ContactDetail }) {
  const me = useMe();
  const defs = useCustomFields('contact').data ?? [];
  const create = useCreateContact();
  const update = useUpdateContact(contact?.id ?? '');
  const mutation = contact ? update : create;
  const open = useOpenRecord();
  const fresh = () => (contact ? draftOf(contact) : emptyDraft(me.user?.id ?? null));
  const [draft, setDraft] = useState<ContactDraft>(fresh);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh copy of the record each time the dialog opens
  useEffect(() => {
    if (opened && contact) setDraft(fresh());
  }, [opened]);
  const [aliases, setAliases] = useState<Record<string, string>>({});
  const set = (patch: Partial<ContactDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const close = () => {
    onClose();
    setTimeout(() => {
      if (!contact) setDraft(fresh());
      mutation.reset();
    }, 200);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const { body, aliases: a } = toBody(draft, contact ? 'edit' : 'create', defs);
    setAliases(a);
    if (contact) {
      update.mutate(body, { onSuccess: close });
      return;
    }
    create.mutate(body, {
      onSuccess: (c) => {
        notifications.show({ color: 'teal', title: 'Contact created', message: c.displayName });
        close();
        open('contact', c.id);
      },
    });
  };
  const { byField, unplaced } = fieldErrors(mutation.error, contactFormKeys(draft, defs), aliases);
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={<Text fw={650}>{contact ? `Edit ${contact.displayName}` : 'New contact'}</Text>}
      size="xl"
    >
      <form onSubmit={submit} noValidate aria-label={contact ? 'Edit contact' : 'New contact'}>
        <Stack gap="lg">
          {mutation.error != null && unplaced && (
            <ErrorAlert error={mutation.error} title={contact ? 'Could not save the contact' : 'Could not create the contact'} />
          )}
          <ContactFormFields draft={draft} set={set} errors={byField} defs={defs} mode={contact ? 'edit' : 'create'} />
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              A name, an email or a phone number is enough.
            </Text>
            <Group gap="sm">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={mutation.isPending}>
                {contact ? 'Save changes' : 'Create contact'}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
