import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { useMe } from '../auth/use-me.ts';
import { useCustomFields } from '../custom-fields/use-custom-fields.ts';
import type { Company } from '../records/crm-types.ts';
import { fieldErrors } from '../records/field-errors.ts';
import { useOpenRecord } from '../records/record-link.tsx';
import { type CompanyDraft, companyBodyOf, companyDraftOf, companyFormKeys, emptyCompanyDraft } from './company-draft.ts';
import { CompanyFormFields } from './company-form-fields.tsx';
import { useCreateCompany, useUpdateCompany } from './use-companies.ts';

/** "New company" (then its page) or "Edit company": the form, with errors on the field the server names. */
export function CompanyFormModal({ opened, onClose, company }: { opened: boolean; onClose: () => void; company?: Company }) {
  const me = useMe();
  const defs = useCustomFields('company').data ?? [];
  const create = useCreateCompany();
  const update = useUpdateCompany(company?.id ?? '');
  const mutation = company ? update : create;
  const open = useOpenRecord();
  const fresh = () => (company ? companyDraftOf(company) : emptyCompanyDraft(me.user?.id ?? null));
  const [draft, setDraft] = useState<CompanyDraft>(fresh);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a fresh copy of the record each time the dialog opens
  useEffect(() => {
    if (opened && company) setDraft(fresh());
  }, [opened]);
  const set = (patch: Partial<CompanyDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const close = () => {
    onClose();
    setTimeout(() => {
      if (!company) setDraft(fresh());
      mutation.reset();
    }, 200);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (company) {
      update.mutate(companyBodyOf(draft, 'edit', defs), { onSuccess: close });
      return;
    }
    create.mutate(companyBodyOf(draft, 'create', defs), {
      onSuccess: (c) => {
        notifications.show({ color: 'teal', title: 'Company created', message: c.name });
        close();
        open('company', c.id);
      },
    });
  };
  const { byField, unplaced } = fieldErrors(mutation.error, companyFormKeys(defs));
  return (
    <Modal opened={opened} onClose={close} title={<Text fw={650}>{company ? `Edit ${company.name}` : 'New company'}</Text>} size="xl">
      <form onSubmit={submit} noValidate aria-label={company ? 'Edit company' : 'New company'}>
        <Stack gap="lg">
          {mutation.error != null && unplaced && (
            <ErrorAlert error={mutation.error} title={company ? 'Could not save the company' : 'Could not create the company'} />
          )}
          <CompanyFormFields draft={draft} set={set} errors={byField} defs={defs} selfId={company?.id} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {company ? 'Save changes' : 'Create company'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
