import { Button, Group, Modal, NumberInput, Select, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { errorMessage } from '../../lib/api/index.ts';
import type { ContactDetail } from '../records/crm-types.ts';
import { useWorkspace } from '../workspace/use-workspace.ts';
import { contactRoles } from './deal-types.ts';
import { toMinor } from './money.ts';
import { useConvertContact, usePipelines } from './use-deals.ts';

/** "Convert to deal": a deal for the contact, its company found or created, lifecycle → opportunity, in one step. */
export function ConvertContactModal({ contact, onClose }: { contact: ContactDetail; onClose: () => void }) {
  const workspace = useWorkspace();
  const pipelines = usePipelines();
  const convert = useConvertContact(contact.id);
  const navigate = useNavigate();
  const [pipelineId, setPipelineId] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [amount, setAmount] = useState<string | number>('');
  const [closeDate, setCloseDate] = useState('');
  const [role, setRole] = useState<string | null>('decision_maker');
  const domain = contact.email?.split('@')[1] ?? '';
  const [companyName, setCompanyName] = useState('');
  const [companyDomain, setCompanyDomain] = useState(domain);
  const currency = workspace.data?.currency ?? 'USD';
  const pipeline = pipelines.data?.find((p) => p.id === pipelineId) ?? pipelines.data?.[0];
  const submit = (e: FormEvent) => {
    e.preventDefault();
    convert.mutate(
      {
        ...(pipeline && { pipelineId: pipeline.id }),
        ...(name.trim() && { name }),
        amount: toMinor(amount, currency),
        currency,
        closeDate: closeDate || null,
        role: role ?? undefined,
        ...(!contact.companyId &&
          (companyName.trim() || companyDomain.trim()) && {
            company: { name: companyName || undefined, domain: companyDomain || undefined },
          }),
      },
      {
        onSuccess: (r) => {
          notifications.show({ color: 'teal', message: `Deal “${r.deal.name}” created; ${contact.displayName} is now an opportunity` });
          onClose();
          navigate({ to: '/deals/$dealId', params: { dealId: r.deal.id } });
        },
      },
    );
  };
  return (
    <Modal opened onClose={onClose} title={`Convert ${contact.displayName} to a deal`}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          {pipelines.data && pipelines.data.length === 0 && (
            <Text c="red" size="sm">
              Set up a pipeline first (Settings → Pipelines).
            </Text>
          )}
          <Select
            label="Pipeline"
            data={(pipelines.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={pipeline?.id ?? null}
            onChange={setPipelineId}
            allowDeselect={false}
          />
          <TextInput
            label="Deal name"
            placeholder="Defaults to “<company> deal”"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            data-autofocus
          />
          <Group grow>
            <NumberInput label={`Amount (${currency})`} min={0} thousandSeparator="," value={amount} onChange={setAmount} />
            <TextInput type="date" label="Expected close" value={closeDate} onChange={(e) => setCloseDate(e.currentTarget.value)} />
          </Group>
          <Select label="Their role" data={contactRoles.map((r) => ({ ...r }))} value={role} onChange={setRole} />
          {!contact.companyId && (
            <>
              <Text size="sm" c="dimmed">
                {contact.displayName} has no company: give a domain to find or create it.
              </Text>
              <Group grow>
                <TextInput label="Company name" value={companyName} onChange={(e) => setCompanyName(e.currentTarget.value)} />
                <TextInput label="Company domain" value={companyDomain} onChange={(e) => setCompanyDomain(e.currentTarget.value)} />
              </Group>
            </>
          )}
          {convert.error && (
            <Text c="red" size="sm" role="alert">
              {errorMessage(convert.error)}
            </Text>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={convert.isPending} disabled={!pipeline}>
              Convert to deal
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
